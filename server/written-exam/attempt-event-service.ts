import {
  ACTIVITY_EVENT_TYPES,
  MAX_EVENTS_PER_ATTEMPT,
  type AttemptEventInput,
} from '../../shared/api/attempt-events.js';
import type { SessionUser } from '../../shared/api/auth.js';
import { checkInRefusal } from '../check-in/policy.js';
import { AppError } from '../errors/app-error.js';
import type { RouteDeps } from '../route-deps.js';
import { answerAcceptance } from './attempt-clock.js';
import type { AttemptEventRepo } from './attempt-event-repo.js';
import type { AttemptRepo, AttemptRow } from './attempt-repo.js';
import { DEFAULT_ANSWER_GRACE_SECONDS, timingOf } from './attempt-service.js';

type Deps = Pick<RouteDeps, 'clock'> & {
  answerGraceSeconds?: number;
  /** The page was heard from (its request is a sign of it, like its socket): outage-service.ts. */
  pageSeen?: (registrationId: string, at: Date) => Promise<void>;
};

/**
 * Whether the attempt still takes what its page reports (events, their evidence snapshots): while
 * it is open, and for the answer grace after it closed (the deadline or 交卷), so what the page
 * queued just before still lands.
 */
export function takesPageReports(
  registration: Parameters<typeof timingOf>[0],
  row: AttemptRow,
  now: Date,
  graceSeconds: number,
): boolean {
  if (row.state === 'in_progress') {
    return answerAcceptance(timingOf(registration, row), now, graceSeconds) !== 'ATTEMPT_CLOSED';
  }
  const closedAt = row.submittedAt?.getTime();
  return closedAt !== undefined && now.getTime() <= closedAt + graceSeconds * 1000;
}

/**
 * The formal attempt's event log (issue 14 §3, issue 15 §1): the candidate's page reports what it
 * saw (screen share, page hidden) in batches, replayed until acknowledged. The server dates each
 * event by its own clock on arrival; the page's time is only kept. A share (and pressing 共享屏幕)
 * is activity for the inactivity submit (ACTIVITY_EVENT_TYPES).
 */
export class AttemptEventService {
  constructor(
    private readonly attempts: AttemptRepo,
    private readonly events: AttemptEventRepo,
    private readonly deps: Deps,
  ) {}

  /**
   * Stores the page's events of the candidate's own formal attempt, each id once (a replay
   * answers it as a duplicate). Taken while the attempt is open and for the answer grace after
   * it closed (the deadline or 交卷), so what the page queued just before still lands; refused
   * with ATTEMPT_CLOSED later, and with ATTEMPT_EVENTS_LIMIT once the attempt holds its cap.
   */
  async record(
    user: SessionUser,
    registrationId: string,
    events: readonly AttemptEventInput[],
  ): Promise<{ stored: number; duplicates: number }> {
    const own = await this.attempts.ownAttemptForSave(
      user.id,
      registrationId,
      this.deps.clock.now(),
    );
    if (own?.examKind !== 'written') throw AppError.notFound('registration');
    const refusal = checkInRefusal(own, 'change');
    if (refusal) throw refusal;
    const row = own.attempt;
    if (!row) throw AppError.of('ATTEMPT_NOT_OPEN_YET');
    const now = this.deps.clock.now();
    const grace = this.deps.answerGraceSeconds ?? DEFAULT_ANSWER_GRACE_SECONDS;
    if (!takesPageReports(own, row, now, grace)) throw AppError.of('ATTEMPT_CLOSED');
    await this.deps.pageSeen?.(registrationId, now);

    const unique = [...new Map(events.map((event) => [event.id, event])).values()];
    const stored = await this.events.storedIds(
      row.id,
      unique.map((event) => event.id),
    );
    const fresh = unique.filter((event) => !stored.has(event.id));
    if (fresh.length === 0) return { stored: 0, duplicates: events.length };
    // Counted before the insert: two batches racing may pass the cap by one batch at most.
    const total = await this.events.countOf(row.id);
    if (total + fresh.length > MAX_EVENTS_PER_ATTEMPT) {
      throw AppError.of('ATTEMPT_EVENTS_LIMIT', `${String(total)} events stored`);
    }
    const inserted = await this.events.insert(
      { attemptId: row.id, schoolId: row.schoolId },
      fresh,
      now,
    );
    // Sharing the screen is the candidate's action: dated on arrival, like an answer saved, and
    // only before the deadline (a late event keeps no attempt open).
    const isActivity = fresh.some((event) => ACTIVITY_EVENT_TYPES.has(event.type));
    if (isActivity && row.state === 'in_progress' && now.getTime() < row.deadlineAt.getTime()) {
      await this.events.touchActivity(row.id, now);
    }
    return { stored: inserted, duplicates: events.length - inserted };
  }
}
