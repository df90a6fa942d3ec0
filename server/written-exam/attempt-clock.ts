/**
 * The written exam's clock (issue 14 §3), pure: the server decides every time from these, with
 * its own clock; the page only shows what they answer. All times are Date, durations minutes.
 *
 *   not_started → in_progress → submitted (manual | deadline | inactivity | forced) → marked
 */

/** What the exam and the candidate's own allowances say about one attempt's time. */
export interface AttemptTiming {
  /** The session's start (开考) and end: no attempt outlives the session. */
  sessionStartsAt: Date;
  sessionEndsAt: Date;
  /** The exam's duration (durationMinutes); null: until the session ends. */
  durationMinutes: number | null;
  /** 交卷 is refused until this long after the start (minMinutesBeforeSubmit). */
  minMinutesBeforeSubmit: number;
  /** Submits after this long without any action (inactivitySubmitMinutes); null: never. */
  inactivitySubmitMinutes: number | null;
  /** Time an admin added for this candidate (extra time). */
  extraMinutes: number;
  /** Time given back after a recorded outage, already capped by outageCompensationMaxMinutes. */
  compensationMinutes: number;
}

const MINUTE = 60_000;

function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE);
}

function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/**
 * When the attempt closes: `min(start + duration + extra + compensation, session end)`. The
 * start is the session's, not the candidate's: who joins late loses the time already gone.
 * Extra time and compensation may not carry it past the session's end either.
 */
export function attemptDeadline(timing: AttemptTiming): Date {
  if (timing.durationMinutes === null) return timing.sessionEndsAt;
  const planned = addMinutes(
    timing.sessionStartsAt,
    timing.durationMinutes + timing.extraMinutes + timing.compensationMinutes,
  );
  return earliest(planned, timing.sessionEndsAt);
}

/** When 交卷 opens: minMinutesBeforeSubmit after the start (seed 002: 开考 30 分钟后). */
export function submitOpensAt(timing: AttemptTiming): Date {
  return earliest(
    addMinutes(timing.sessionStartsAt, timing.minMinutesBeforeSubmit),
    attemptDeadline(timing),
  );
}

/** The candidate is warned this long before the inactivity submit (seed 004: a minute). */
export const INACTIVITY_WARNING_MINUTES = 1;

/** When inactivity submits the attempt, or null when the exam has no such rule. */
export function inactivitySubmitAt(timing: AttemptTiming, lastActivityAt: Date): Date | null {
  if (timing.inactivitySubmitMinutes === null) return null;
  return addMinutes(lastActivityAt, timing.inactivitySubmitMinutes);
}

/** Why 开始作答 is refused now, or null when the attempt may start. */
export type StartRefusal = 'ATTEMPT_NOT_OPEN_YET' | 'ATTEMPT_CLOSED';

export function startRefusal(timing: AttemptTiming, now: Date): StartRefusal | null {
  if (now.getTime() < timing.sessionStartsAt.getTime()) return 'ATTEMPT_NOT_OPEN_YET';
  if (now.getTime() >= attemptDeadline(timing).getTime()) return 'ATTEMPT_CLOSED';
  return null;
}

/** Why the candidate's 交卷 is refused now, or null when it is accepted. */
export function manualSubmitRefusal(timing: AttemptTiming, now: Date): 'SUBMIT_TOO_EARLY' | null {
  return now.getTime() < submitOpensAt(timing).getTime() ? 'SUBMIT_TOO_EARLY' : null;
}

/**
 * Whether an answer arriving `now` is taken: until the deadline it is; a short grace after it
 * (answers typed before the deadline but held up by the network) it is, marked late; after that
 * it is refused with ATTEMPT_CLOSED. The server goes by when the answer arrives, never by a time
 * the page claims.
 */
export function answerAcceptance(
  timing: AttemptTiming,
  now: Date,
  graceSeconds: number,
): 'on_time' | 'late' | 'ATTEMPT_CLOSED' {
  const deadline = attemptDeadline(timing).getTime();
  if (now.getTime() <= deadline) return 'on_time';
  return now.getTime() <= deadline + graceSeconds * 1000 ? 'late' : 'ATTEMPT_CLOSED';
}

/**
 * The answering page as the server last saw it (its socket's presence, its requests): idleness
 * counts only while the page is there. A page gone quiet is an outage (outage-service.ts): a
 * power cut, a lost network or a dead server is not a candidate doing nothing, and when the page
 * is back its outage's close restarts the idle clock. Null: not watched (mock attempts).
 */
export interface PagePresence {
  lastSeenAt: Date | null;
  /** Past this long unseen the page counts as away (the exam's outageThresholdSeconds). */
  awayAfterSeconds: number;
}

/**
 * Whether the server must submit an in-progress attempt now, and why: the deadline once its
 * grace has passed (so late answers still land), or inactivity while the page is seen. Null: not
 * yet.
 */
export function dueSubmission(
  timing: AttemptTiming,
  lastActivityAt: Date,
  now: Date,
  graceSeconds: number,
  presence: PagePresence | null = null,
): { reason: 'deadline' | 'inactivity'; at: Date } | null {
  const deadline = attemptDeadline(timing);
  if (now.getTime() > deadline.getTime() + graceSeconds * 1000) {
    return { reason: 'deadline', at: deadline };
  }
  const seenAt = presence?.lastSeenAt;
  if (presence && seenAt && now.getTime() - seenAt.getTime() > presence.awayAfterSeconds * 1000) {
    return null;
  }
  const idleAt = inactivitySubmitAt(timing, lastActivityAt);
  if (idleAt && idleAt.getTime() < deadline.getTime() && now.getTime() >= idleAt.getTime()) {
    return { reason: 'inactivity', at: idleAt };
  }
  return null;
}
