import type { OutageOutcome } from '../../shared/api/attempt-progress.js';
import type { ExamRules } from '../../shared/api/exams.js';
import { attemptDeadline, type AttemptTiming } from './attempt-clock.js';

/**
 * Outage protection (issue 14 §3), pure: when every PC connection of a candidate's attempt has
 * been gone longer than the exam's threshold, the server records an outage; when the candidate
 * is back before the deadline, the deadline moves by the time lost (whole minutes, rounded up),
 * at most `outageCompensationMaxMinutes` over the whole attempt and never past the session end.
 *
 * Only the PC counts: the paper is answered there. A phone alone online cannot answer, and a
 * phone gone is a proctoring matter (issue 15), not lost answering time.
 */

/** The exam's outage rules; an exam saved before they existed has neither key. */
export interface OutageRules {
  /** 0: outages are recorded, no time is given back. */
  maxMinutes: number;
  thresholdSeconds: number;
}

export const DEFAULT_OUTAGE_THRESHOLD_SECONDS = 60;

export function outageRulesOf(
  rules: Partial<Pick<ExamRules, 'outageCompensationMaxMinutes' | 'outageThresholdSeconds'>>,
): OutageRules {
  return {
    maxMinutes: rules.outageCompensationMaxMinutes ?? 0,
    thresholdSeconds: rules.outageThresholdSeconds ?? DEFAULT_OUTAGE_THRESHOLD_SECONDS,
  };
}

/**
 * A PC page counts as `away` for staff once the server has heard nothing of it this long: a
 * live socket answers the server's ping every 25 s and each node writes what it heard every
 * PRESENCE_WRITE_MS, so a live page is never older than about 35 s.
 */
export const PRESENCE_STALE_SECONDS = 45;

/** Whether an attempt last seen at `lastSeenAt` has been gone past the threshold at `now`. */
export function isOutage(lastSeenAt: Date, now: Date, rules: OutageRules): boolean {
  return now.getTime() - lastSeenAt.getTime() > rules.thresholdSeconds * 1000;
}

export interface OutageSettlement {
  lostSeconds: number;
  /** Minutes added to the attempt's compensation (0 when none). */
  minutes: number;
  outcome: OutageOutcome;
}

const MINUTE = 60_000;

/**
 * What an outage from `startedAt` gives back when the candidate is seen again at `now`, given
 * the attempt's timing (its compensation so far included). Back at or after the deadline gives
 * nothing: the deadline sweep submits an attempt whose candidate is away at its deadline, and a
 * deadline that has passed never moves again.
 */
export function settleOutage(
  timing: AttemptTiming,
  rules: OutageRules,
  startedAt: Date,
  now: Date,
): OutageSettlement {
  const lostSeconds = Math.max(0, Math.ceil((now.getTime() - startedAt.getTime()) / 1000));
  const none = (outcome: OutageOutcome): OutageSettlement => ({ lostSeconds, minutes: 0, outcome });
  if (now.getTime() >= attemptDeadline(timing).getTime()) return none('after_deadline');
  if (rules.maxMinutes <= 0) return none('not_allowed');
  const left = rules.maxMinutes - timing.compensationMinutes;
  if (left <= 0) return none('cap_reached');
  if (timing.durationMinutes === null) return none('session_end');
  // Minutes that still fit before the session's end, from the uncapped planned deadline.
  const planned =
    timing.sessionStartsAt.getTime() +
    (timing.durationMinutes + timing.extraMinutes + timing.compensationMinutes) * MINUTE;
  const roomMinutes = Math.ceil((timing.sessionEndsAt.getTime() - planned) / MINUTE);
  if (roomMinutes <= 0) return none('session_end');
  const wanted = Math.ceil(lostSeconds / 60);
  const minutes = Math.min(wanted, left, roomMinutes);
  return { lostSeconds, minutes, outcome: 'compensated' };
}
