import { describe, expect, it } from 'vitest';
import { crossedMinute } from './exam-time.js';

const MINUTE = 60_000;

describe('crossedMinute', () => {
  it('speaks when 15, 5 and 1 minutes are left, and at no other second', () => {
    expect(crossedMinute(15 * MINUTE + 1000, 15 * MINUTE)).toBe(15);
    expect(crossedMinute(15 * MINUTE, 15 * MINUTE - 1000)).toBeNull();
    expect(crossedMinute(5 * MINUTE + 500, 5 * MINUTE - 500)).toBe(5);
    expect(crossedMinute(61_000, 60_000)).toBe(1);
    expect(crossedMinute(30 * MINUTE, 29 * MINUTE)).toBeNull();
  });

  it('says only the latest when a sleeping tab skipped several', () => {
    expect(crossedMinute(20 * MINUTE, 4 * MINUTE)).toBe(5);
  });
});
