import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { OutageOutcome } from '../../shared/api/attempt-progress.js';
import type { Database } from '../db/client.js';
import { attempt, attemptOutage, exam, registration } from '../db/schema/index.js';
import { DEFAULT_OUTAGE_THRESHOLD_SECONDS } from './outage-rule.js';
import type { AttemptRow } from './attempt-repo.js';

export type OutageRow = typeof attemptOutage.$inferSelect;

/** One registration's PC seen by a node at `at` (the server's clock). */
export interface PcSighting {
  registrationId: string;
  at: Date;
}

/** What closing an outage changes, decided on the locked attempt and its open outage. */
export interface OutageClosing {
  endedAt: Date;
  lostSeconds: number;
  minutes: number;
  outcome: OutageOutcome;
  /** The attempt's new deadline when `minutes` > 0. */
  deadlineAt: Date;
}

/** Outages of written attempts and the PC's last sighting (attempt.last_seen_at): SQL only. */
export class OutageRepo {
  constructor(private readonly db: Database) {}

  /**
   * Moves the last sighting of each registration's formal attempt in progress forward (never
   * back: another node may have seen it later), in one statement.
   */
  async markSeen(sightings: readonly PcSighting[]): Promise<void> {
    if (sightings.length === 0) return;
    const rows = sql.join(
      sightings.map(
        ({ registrationId, at }) =>
          sql`(${registrationId}::uuid, ${at.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    );
    await this.db.execute(sql`
      update ${attempt} set last_seen_at = greatest(${attempt.lastSeenAt}, seen.at)
        from (values ${rows}) as seen(registration_id, at)
       where ${attempt.registrationId} = seen.registration_id
         and ${attempt.kind} = 'formal' and ${attempt.state} = 'in_progress'`);
  }

  /** The attempts of these registrations that have an open outage. */
  async openOutagesOf(
    registrationIds: readonly string[],
  ): Promise<{ attemptId: string; registrationId: string }[]> {
    if (registrationIds.length === 0) return [];
    return this.db
      .select({ attemptId: attemptOutage.attemptId, registrationId: attempt.registrationId })
      .from(attemptOutage)
      .innerJoin(attempt, eq(attempt.id, attemptOutage.attemptId))
      .where(
        and(
          isNull(attemptOutage.endedAt),
          inArray(attempt.registrationId, [...registrationIds]),
          eq(attempt.kind, 'formal'),
        ),
      );
  }

  /**
   * Opens an outage, dated from the last sighting, for every formal attempt in progress whose
   * PC has not been seen for longer than its exam's threshold and has none open (the partial
   * unique index keeps it one, two nodes sweeping at once). Answers the attempts opened.
   */
  async openDue(now: Date): Promise<string[]> {
    const threshold = sql`coalesce((${exam.rules}->>'outageThresholdSeconds')::int, ${DEFAULT_OUTAGE_THRESHOLD_SECONDS})`;
    const result: unknown = await this.db.execute(sql`
      insert into ${attemptOutage} (attempt_id, school_id, started_at)
      select ${attempt.id}, ${attempt.schoolId}, ${attempt.lastSeenAt}
        from ${attempt}
        join ${registration} on ${registration.id} = ${attempt.registrationId}
        join ${exam} on ${exam.id} = ${registration.examId}
       where ${attempt.kind} = 'formal' and ${attempt.state} = 'in_progress'
         and ${attempt.lastSeenAt} is not null
         and ${attempt.lastSeenAt} + ${threshold} * interval '1 second' < ${now.toISOString()}::timestamptz
         and not exists (select 1 from ${attemptOutage} open
                          where open.attempt_id = ${attempt.id} and open.ended_at is null)
      on conflict do nothing
      returning attempt_id`);
    // Both drivers answer raw SQL with `{ rows }`; the shared Database type cannot say so.
    return (result as { rows: { attempt_id: string }[] }).rows.map((row) => row.attempt_id);
  }

  /**
   * Ends the open outages of attempts no longer in progress (submitted while the candidate was
   * away), at the submit, with nothing given back. Answers how many.
   */
  async closeForClosedAttempts(): Promise<number> {
    const result: unknown = await this.db.execute(sql`
      update ${attemptOutage} as o
         set ended_at = greatest(o.started_at, coalesce(a.submitted_at, o.started_at)),
             lost_seconds = ceil(extract(epoch from
               greatest(o.started_at, coalesce(a.submitted_at, o.started_at)) - o.started_at))::int,
             outcome = 'closed'
        from ${attempt} as a
       where a.id = o.attempt_id and o.ended_at is null and a.state <> 'in_progress'
      returning o.id`);
    return (result as { rows: unknown[] }).rows.length;
  }

  /**
   * Closes the attempt's open outage under the attempt's row lock, once: `decide` answers from
   * the locked row and the outage what it gives back, and the compensation and deadline move in
   * the same transaction. Null when no outage was open (closed meanwhile, another node).
   */
  async close(
    attemptId: string,
    decide: (locked: AttemptRow, open: OutageRow) => OutageClosing,
  ): Promise<{ outage: OutageRow; attempt: AttemptRow } | null> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(attempt)
        .where(eq(attempt.id, attemptId))
        .for('update');
      if (!locked) return null;
      const [open] = await tx
        .select()
        .from(attemptOutage)
        .where(and(eq(attemptOutage.attemptId, attemptId), isNull(attemptOutage.endedAt)));
      if (!open) return null;
      const closing = decide(locked, open);
      const [outage] = await tx
        .update(attemptOutage)
        .set({
          endedAt: closing.endedAt,
          lostSeconds: closing.lostSeconds,
          compensationMinutes: closing.minutes,
          outcome: closing.outcome,
        })
        .where(eq(attemptOutage.id, open.id))
        .returning();
      if (!outage) return null;
      // The idle clock restarts at the return (attempt-clock.ts PagePresence): time away is not
      // time spent doing nothing on the page.
      const lastActivityAt =
        locked.lastActivityAt.getTime() < closing.endedAt.getTime()
          ? closing.endedAt
          : locked.lastActivityAt;
      const [updated] = await tx
        .update(attempt)
        .set({
          lastActivityAt,
          ...(closing.minutes > 0 && {
            compensationMinutes: locked.compensationMinutes + closing.minutes,
            deadlineAt: closing.deadlineAt,
          }),
        })
        .where(eq(attempt.id, attemptId))
        .returning();
      return { outage, attempt: updated ?? locked };
    });
  }

  /** The outages of these attempts, oldest first, by attempt. */
  async outagesOf(attemptIds: readonly string[]): Promise<Map<string, OutageRow[]>> {
    const byAttempt = new Map<string, OutageRow[]>();
    if (attemptIds.length === 0) return byAttempt;
    const rows = await this.db
      .select()
      .from(attemptOutage)
      .where(inArray(attemptOutage.attemptId, [...attemptIds]))
      .orderBy(asc(attemptOutage.startedAt));
    for (const row of rows) {
      const list = byAttempt.get(row.attemptId) ?? [];
      list.push(row);
      byAttempt.set(row.attemptId, list);
    }
    return byAttempt;
  }
}
