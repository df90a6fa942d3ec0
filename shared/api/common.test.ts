import { describe, expect, it } from 'vitest';
import { idNumberSchema, isValidIdNumberChecksum, maskIdNumber, phoneSchema } from './common.js';

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
