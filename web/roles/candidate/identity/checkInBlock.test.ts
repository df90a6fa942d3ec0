import { describe, expect, it } from 'vitest';
import { checkInBlock, checkInPath } from './checkInBlock.js';

const ready = {
  attendance: 'confirmed',
  identityConfirmedAt: '2026-03-01T08:00:00.000Z',
  status: 'check_in_open',
  preEntryMinutes: 30,
} as const;

describe('checkInBlock', () => {
  it('allows the check-in from check_in_open and during the exam', () => {
    expect(checkInBlock(ready)).toBeNull();
    expect(checkInBlock({ ...ready, status: 'in_progress' })).toBeNull();
  });

  it('says the check-in opens preEntryMinutes before the start', () => {
    expect(checkInBlock({ ...ready, status: 'not_started', preEntryMinutes: 45 })).toEqual({
      reason: 'notOpen',
      preEntryMinutes: 45,
    });
  });

  it('refuses after the end', () => {
    expect(checkInBlock({ ...ready, status: 'ended' })).toEqual({ reason: 'ended' });
  });

  it('names the first thing to clear: withdrawal, attendance, then identity', () => {
    expect(checkInBlock({ ...ready, attendance: 'withdrawn', identityConfirmedAt: null })).toEqual({
      reason: 'withdrawn',
    });
    expect(checkInBlock({ ...ready, attendance: 'pending', identityConfirmedAt: null })).toEqual({
      reason: 'attendancePending',
    });
    expect(checkInBlock({ ...ready, identityConfirmedAt: null })).toEqual({
      reason: 'identityPending',
    });
  });

  it('links to the check-in page of the registration', () => {
    expect(checkInPath('abc')).toBe('/candidate/registrations/abc/check-in');
  });
});
