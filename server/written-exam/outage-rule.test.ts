import { describe, expect, it } from 'vitest';
import type { AttemptTiming } from './attempt-clock.js';
import { isOutage, outageRulesOf, settleOutage, type OutageRules } from './outage-rule.js';

/** Seed 002's degree-English exam: 09:00–11:30 session, 120 minutes (deadline 11:00). */
const EXAM: AttemptTiming = {
  sessionStartsAt: new Date('2026-12-20T01:00:00Z'),
  sessionEndsAt: new Date('2026-12-20T03:30:00Z'),
  durationMinutes: 120,
  minMinutesBeforeSubmit: 30,
  inactivitySubmitMinutes: null,
  extraMinutes: 0,
  compensationMinutes: 0,
};
const RULES: OutageRules = { maxMinutes: 15, thresholdSeconds: 60 };
const at = (time: string) => new Date(`2026-12-20T${time}Z`);

describe('the outage rule', () => {
  it('counts an outage only past the threshold', () => {
    expect(isOutage(at('01:10:00'), at('01:11:00'), RULES)).toBe(false);
    expect(isOutage(at('01:10:00'), at('01:11:01'), RULES)).toBe(true);
    expect(isOutage(at('01:10:00'), at('01:11:31'), { ...RULES, thresholdSeconds: 90 })).toBe(true);
  });

  it('gives the lost time back in whole minutes, rounded up', () => {
    expect(settleOutage(EXAM, RULES, at('01:10:00'), at('01:13:01'))).toEqual({
      lostSeconds: 181,
      minutes: 4,
      outcome: 'compensated',
    });
    expect(settleOutage(EXAM, RULES, at('01:10:00'), at('01:12:00')).minutes).toBe(2);
  });

  it('never gives more than the exam allows in total', () => {
    expect(settleOutage(EXAM, RULES, at('01:10:00'), at('01:40:00'))).toMatchObject({
      lostSeconds: 1800,
      minutes: 15,
      outcome: 'compensated',
    });
    // 12 minutes given back already: 3 are left.
    const after = { ...EXAM, compensationMinutes: 12 };
    expect(settleOutage(after, RULES, at('01:50:00'), at('01:55:00')).minutes).toBe(3);
    expect(
      settleOutage({ ...EXAM, compensationMinutes: 15 }, RULES, at('02:00:00'), at('02:05:00')),
    ).toEqual({ lostSeconds: 300, minutes: 0, outcome: 'cap_reached' });
  });

  it('gives nothing when the exam allows none, and still measures the outage', () => {
    expect(settleOutage(EXAM, outageRulesOf({}), at('01:10:00'), at('01:20:00'))).toEqual({
      lostSeconds: 600,
      minutes: 0,
      outcome: 'not_allowed',
    });
  });

  it('never moves the deadline past the session end', () => {
    // Deadline 11:00 + 25 extra = 11:25; the session ends at 11:30: 5 minutes of room.
    const late = { ...EXAM, extraMinutes: 25 };
    expect(settleOutage(late, RULES, at('02:00:00'), at('02:10:00'))).toMatchObject({
      minutes: 5,
      outcome: 'compensated',
    });
    expect(
      settleOutage({ ...EXAM, extraMinutes: 30 }, RULES, at('02:00:00'), at('02:10:00')),
    ).toMatchObject({ minutes: 0, outcome: 'session_end' });
    expect(
      settleOutage({ ...EXAM, durationMinutes: null }, RULES, at('02:00:00'), at('02:10:00')),
    ).toMatchObject({ minutes: 0, outcome: 'session_end' });
  });

  it('gives nothing to a candidate back at or after the deadline', () => {
    expect(settleOutage(EXAM, RULES, at('02:55:00'), at('03:00:00'))).toEqual({
      lostSeconds: 300,
      minutes: 0,
      outcome: 'after_deadline',
    });
  });

  it('reads an exam saved before the rules existed as: recorded, none given back, 60 s', () => {
    expect(outageRulesOf({})).toEqual({ maxMinutes: 0, thresholdSeconds: 60 });
    expect(
      outageRulesOf({ outageCompensationMaxMinutes: 10, outageThresholdSeconds: 120 }),
    ).toEqual({ maxMinutes: 10, thresholdSeconds: 120 });
  });
});
