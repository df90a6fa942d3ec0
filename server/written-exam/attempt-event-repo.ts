import { and, count, eq, inArray, lt, sql } from 'drizzle-orm';
import {
  SIGNAL_EVENT_TYPES,
  type AttemptEventInput,
  type AttemptEventType,
  type SignalEventType,
} from '../../shared/api/attempt-events.js';
import type { Database } from '../db/client.js';
import { attempt, attemptEvent } from '../db/schema/index.js';

/** What staff see of one attempt's events (the progress view). */
export interface AttemptEventSummary {
  /** The latest screen share event by arrival, if any. */
  lastShare: Extract<AttemptEventType, 'screen_share_started' | 'screen_share_stopped'> | null;
  pageHiddenCount: number;
  /** How many of each signal (SIGNAL_EVENT_TYPES) it stored; types it has none of are left out. */
  signalCounts: Partial<Record<SignalEventType, number>>;
}

/** The attempt's event log (attempt_event): plain rows, no rules. */
export class AttemptEventRepo {
  constructor(private readonly db: Database) {}

  /** How many events the attempt has stored. */
  async countOf(attemptId: string): Promise<number> {
    const [row] = await this.db
      .select({ total: count() })
      .from(attemptEvent)
      .where(eq(attemptEvent.attemptId, attemptId));
    return row?.total ?? 0;
  }

  /** Which of these event ids the attempt has stored already. */
  async storedIds(attemptId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .select({ id: attemptEvent.id })
      .from(attemptEvent)
      .where(and(eq(attemptEvent.attemptId, attemptId), inArray(attemptEvent.id, [...ids])));
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Stores the events in their order (one statement: `arrival` follows it), each id once; a row
   * already there stays as it was. Answers how many were new.
   */
  async insert(
    attempt: { attemptId: string; schoolId: string },
    events: readonly AttemptEventInput[],
    receivedAt: Date,
  ): Promise<number> {
    if (events.length === 0) return 0;
    const inserted = await this.db
      .insert(attemptEvent)
      .values(
        events.map((event) => ({
          attemptId: attempt.attemptId,
          schoolId: attempt.schoolId,
          id: event.id,
          type: event.type,
          receivedAt,
          clientAt: new Date(event.at),
          detail: event.detail ?? null,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: attemptEvent.id });
    return inserted.length;
  }

  /**
   * The candidate acted at `at` (an event that counts as activity): the attempt's last activity
   * moves forward while it is in progress, never back.
   */
  async touchActivity(attemptId: string, at: Date): Promise<void> {
    await this.db
      .update(attempt)
      .set({ lastActivityAt: at })
      .where(
        and(
          eq(attempt.id, attemptId),
          eq(attempt.state, 'in_progress'),
          lt(attempt.lastActivityAt, at),
        ),
      );
  }

  /** Per attempt: its latest screen share event, how often its page was hidden, its signals. */
  async summaries(attemptIds: readonly string[]): Promise<Map<string, AttemptEventSummary>> {
    if (attemptIds.length === 0) return new Map();
    const rows = await this.db
      .select({
        attemptId: attemptEvent.attemptId,
        pageHiddenCount:
          sql<number>`count(*) filter (where ${attemptEvent.type} = 'page_hidden')`.mapWith(Number),
        lastShare: sql<
          AttemptEventSummary['lastShare']
        >`(array_agg(${attemptEvent.type} order by ${attemptEvent.arrival} desc) filter (where ${attemptEvent.type} in ('screen_share_started', 'screen_share_stopped')))[1]`,
      })
      .from(attemptEvent)
      .where(inArray(attemptEvent.attemptId, [...attemptIds]))
      .groupBy(attemptEvent.attemptId);
    const signals = await this.signalCounts(attemptIds);
    return new Map(
      rows.map((row) => [
        row.attemptId,
        {
          lastShare: row.lastShare ?? null,
          pageHiddenCount: row.pageHiddenCount,
          signalCounts: signals.get(row.attemptId) ?? {},
        },
      ]),
    );
  }

  /** Per attempt, how many of each signal type it stored (types with none are left out). */
  private async signalCounts(
    attemptIds: readonly string[],
  ): Promise<Map<string, Partial<Record<SignalEventType, number>>>> {
    const rows = await this.db
      .select({ attemptId: attemptEvent.attemptId, type: attemptEvent.type, n: count() })
      .from(attemptEvent)
      .where(
        and(
          inArray(attemptEvent.attemptId, [...attemptIds]),
          inArray(attemptEvent.type, [...SIGNAL_EVENT_TYPES]),
        ),
      )
      .groupBy(attemptEvent.attemptId, attemptEvent.type);
    const byAttempt = new Map<string, Partial<Record<SignalEventType, number>>>();
    for (const row of rows) {
      if (!isSignal(row.type) || row.n === 0) continue;
      const counts = byAttempt.get(row.attemptId) ?? {};
      counts[row.type] = row.n;
      byAttempt.set(row.attemptId, counts);
    }
    return byAttempt;
  }
}

const SIGNALS: ReadonlySet<AttemptEventType> = new Set(SIGNAL_EVENT_TYPES);

function isSignal(type: AttemptEventType): type is SignalEventType {
  return SIGNALS.has(type);
}
