import { describe, expect, it } from 'vitest';
import {
  idNumberSchema,
  isMultipleOf,
  isValidIdNumberChecksum,
  maskIdNumber,
  phoneSchema,
} from './common.js';

describe('ID numbers', () => {
  it('accepts a valid check character, including X', () => {
    expect(isValidIdNumberChecksum('11010519491231002X')).toBe(true);
    expect(idNumberSchema.parse('11010519491231002x')).toBe('11010519491231002X');
  });
  it('rejects a wrong check character', () => {
    expect(idNumberSchema.safeParse('110105194912310021').success).toBe(false);
  });
  it('masks all but the first 3 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
});

describe('phone numbers', () => {
  it('accepts mainland mobile numbers only', () => {
    expect(phoneSchema.safeParse('13800000001').success).toBe(true);
    expect(phoneSchema.safeParse('12800000001').success).toBe(false);
    expect(phoneSchema.safeParse('1380000000').success).toBe(false);
  });
});

describe('numbers in steps (points, thresholds)', () => {
  it('accepts whole multiples despite float rounding, and 0 itself', () => {
    const isHundredth = isMultipleOf(0.01);
    expect([0, 0.29, 0.57, 0.65, 1].every(isHundredth)).toBe(true);
    expect(isHundredth(0.123)).toBe(false);
  });
  it('refuses a value nearer 0 than one step, which a real column cannot hold', () => {
    const isHalf = isMultipleOf(0.5);
    expect(isHalf(1e-320)).toBe(false);
    expect(isHalf(0.3)).toBe(false);
    expect([0, 0.5, 2.5, 1000].every(isHalf)).toBe(true);
  });
});
