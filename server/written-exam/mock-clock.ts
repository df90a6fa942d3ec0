import type { MockClosedReason } from '../../shared/api/mock-attempt.js';
import type { Attendance, ExamKind } from '../../shared/enums.js';
import type { ErrorCode } from '../../shared/errors.js';
import type { AttemptTiming } from './attempt-clock.js';

/**
 * The mock exam's clock (模拟考试, issue 14 §2), pure like attempt-clock.ts. A mock attempt runs
 * the exam's duration from its own start, whenever that is: the session's times do not bound
 * it, there is no minimum time before 交卷 and no inactivity submit.
 */

const MINUTE = 60_000;

/** What decides whether the mock exam is open for one registration. */
export interface MockWindow {
  examKind: ExamKind;
  attendance: Attendance;
  startsAt: Date;
  endsAt: Date;
  /** The registration's formal attempt has started (written exams). */
  hasFormalAttempt: boolean;
}

/**
 * Why the mock exam is closed now, or null while it is open. A written exam's mock stays open
 * after the session starts, until the candidate's own formal attempt does (a late candidate may
 * still practise) or the session ends; the other kinds close at the session's start (their mock
 * is an entry count, docs/journeys.md J4).
 */
export function mockClosedReason(window: MockWindow, now: Date): MockClosedReason | null {
  if (window.attendance === 'withdrawn') return 'withdrawn';
  if (window.examKind !== 'written') {
    return now.getTime() >= window.startsAt.getTime() ? 'formal_started' : null;
  }
  if (window.hasFormalAttempt) return 'formal_started';
  if (now.getTime() >= window.endsAt.getTime()) return 'ended';
  return null;
}

/** The error a refused start answers with, for each reason. */
export const MOCK_REFUSALS = {
  withdrawn: 'MOCK_WITHDRAWN',
  formal_started: 'MOCK_EXAM_CLOSED',
  ended: 'MOCK_EXAM_ENDED',
} as const satisfies Record<MockClosedReason, ErrorCode>;

/**
 * How long a mock attempt runs: the exam's duration, or, for an exam without one (until the
 * session ends), as long as the session lasts.
 */
export function mockMinutes(
  durationMinutes: number | null,
  session: { startsAt: Date; endsAt: Date },
): number {
  if (durationMinutes !== null) return durationMinutes;
  return Math.max(1, Math.ceil((session.endsAt.getTime() - session.startsAt.getTime()) / MINUTE));
}

/** A mock attempt's deadline, fixed at its start. */
export function mockDeadline(startedAt: Date, minutes: number): Date {
  return new Date(startedAt.getTime() + minutes * MINUTE);
}

/**
 * A mock attempt's timing in attempt-clock.ts terms, from its stored start and deadline, so
 * the formal rules for late answers (the grace) and the deadline submit apply unchanged: its
 * "session" is the attempt itself, with no minimum time and no inactivity rule.
 */
export function mockTiming(row: { startedAt: Date; deadlineAt: Date }): AttemptTiming {
  return {
    sessionStartsAt: row.startedAt,
    sessionEndsAt: row.deadlineAt,
    durationMinutes: null,
    minMinutesBeforeSubmit: 0,
    inactivitySubmitMinutes: null,
    extraMinutes: 0,
    compensationMinutes: 0,
  };
}
