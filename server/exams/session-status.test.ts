import { describe, expect, it } from 'vitest';
import { sessionStatusAt } from './session-status.js';

const session = {
  startsAt: new Date('2026-11-23T09:00:00+08:00'),
  endsAt: new Date('2026-11-23T11:00:00+08:00'),
};
const at = (time: string) => sessionStatusAt(new Date(`2026-11-23T${time}+08:00`), session, 30);

describe('sessionStatusAt', () => {
  it('is not started before the pre-entry window', () =>
    expect(at('08:29:59')).toBe('not_started'));
  it('opens check-in 30 minutes before the start', () =>
    expect(at('08:30:00')).toBe('check_in_open'));
  it('is in progress from the start', () => expect(at('09:00:00')).toBe('in_progress'));
  it('has ended at the end time', () => expect(at('11:00:00')).toBe('ended'));
});
