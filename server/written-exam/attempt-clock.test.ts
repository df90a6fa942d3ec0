import { describe, expect, it } from 'vitest';
import {
  answerAcceptance,
  attemptDeadline,
  dueSubmission,
  manualSubmitRefusal,
  startRefusal,
  submitOpensAt,
  type AttemptTiming,
} from './attempt-clock.js';

/** Seed 002's degree-English exam: 09:00–11:30 session, 120 minutes, 交卷 after 30 minutes. */
const EXAM: AttemptTiming = {
  sessionStartsAt: new Date('2026-12-20T01:00:00Z'),
  sessionEndsAt: new Date('2026-12-20T03:30:00Z'),
  durationMinutes: 120,
  minMinutesBeforeSubmit: 30,
  inactivitySubmitMinutes: 10,
  extraMinutes: 0,
  compensationMinutes: 0,
};
const at = (time: string) => new Date(`2026-12-20T${time}Z`);

describe('the attempt clock', () => {
  it('closes at start + duration, whenever the candidate joined', () => {
    expect(attemptDeadline(EXAM)).toEqual(at('03:00:00'));
  });

  it('adds extra time and compensation, never past the session end', () => {
    expect(attemptDeadline({ ...EXAM, extraMinutes: 15 })).toEqual(at('03:15:00'));
    expect(attemptDeadline({ ...EXAM, extraMinutes: 15, compensationMinutes: 10 })).toEqual(
      at('03:25:00'),
    );
    expect(attemptDeadline({ ...EXAM, extraMinutes: 60 })).toEqual(at('03:30:00'));
    expect(attemptDeadline({ ...EXAM, durationMinutes: null })).toEqual(at('03:30:00'));
  });

  it('opens 交卷 30 minutes after the start, and at the deadline for a shorter exam', () => {
    expect(submitOpensAt(EXAM)).toEqual(at('01:30:00'));
    expect(manualSubmitRefusal(EXAM, at('01:29:59'))).toBe('SUBMIT_TOO_EARLY');
    expect(manualSubmitRefusal(EXAM, at('01:30:00'))).toBeNull();
    expect(submitOpensAt({ ...EXAM, durationMinutes: 20 })).toEqual(at('01:20:00'));
  });

  it('lets an attempt start from the start until the deadline', () => {
    expect(startRefusal(EXAM, at('00:59:59'))).toBe('ATTEMPT_NOT_OPEN_YET');
    expect(startRefusal(EXAM, at('02:59:59'))).toBeNull();
    expect(startRefusal(EXAM, at('03:00:00'))).toBe('ATTEMPT_CLOSED');
  });

  it('takes answers until the deadline, late ones within the grace, none after', () => {
    expect(answerAcceptance(EXAM, at('03:00:00'), 30)).toBe('on_time');
    expect(answerAcceptance(EXAM, at('03:00:30'), 30)).toBe('late');
    expect(answerAcceptance(EXAM, at('03:00:31'), 30)).toBe('ATTEMPT_CLOSED');
  });

  it('submits at the deadline once the grace has passed, dated at the deadline', () => {
    const lastActivity = at('02:58:00');
    expect(dueSubmission(EXAM, lastActivity, at('03:00:30'), 30)).toBeNull();
    expect(dueSubmission(EXAM, lastActivity, at('03:00:31'), 30)).toEqual({
      reason: 'deadline',
      at: at('03:00:00'),
    });
  });

  it('submits after 10 minutes without any action, dated when they ran out', () => {
    const lastActivity = at('01:40:00');
    expect(dueSubmission(EXAM, lastActivity, at('01:49:59'), 30)).toBeNull();
    expect(dueSubmission(EXAM, lastActivity, at('01:50:00'), 30)).toEqual({
      reason: 'inactivity',
      at: at('01:50:00'),
    });
    // Idle into the deadline: the deadline is the reason.
    expect(dueSubmission(EXAM, at('02:55:00'), at('03:05:00'), 30)?.reason).toBe('deadline');
    expect(
      dueSubmission({ ...EXAM, inactivitySubmitMinutes: null }, lastActivity, at('02:00:00'), 30),
    ).toBeNull();
  });

  it('counts idleness only while the page is seen; the deadline submits an away page too', () => {
    const lastActivity = at('01:40:00');
    const seen = (time: string) => ({ lastSeenAt: at(time), awayAfterSeconds: 60 });
    expect(dueSubmission(EXAM, lastActivity, at('01:50:00'), 30, seen('01:49:00'))?.reason).toBe(
      'inactivity',
    );
    expect(dueSubmission(EXAM, lastActivity, at('01:50:00'), 30, seen('01:48:59'))).toBeNull();
    expect(dueSubmission(EXAM, lastActivity, at('03:00:31'), 30, seen('02:00:00'))?.reason).toBe(
      'deadline',
    );
  });
});
