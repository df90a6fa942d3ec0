import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { attemptWarning } from '../db/schema/index.js';

export type WarningRow = typeof attemptWarning.$inferSelect;

/** Per attempt: reminders sent, and those not confirmed yet. */
export interface WarningCounts {
  sent: number;
  unconfirmed: number;
}

/** Proctors' reminders (attempt_warning): plain rows, no rules. */
export class WarningRepo {
  constructor(private readonly db: Database) {}

  async insert(values: typeof attemptWarning.$inferInsert): Promise<WarningRow> {
    const [row] = await this.db.insert(attemptWarning).values(values).returning();
    if (!row) throw new Error('attempt_warning insert returned nothing');
    return row;
  }

  /** The attempt's reminders not confirmed yet, oldest first. */
  unconfirmedOf(attemptId: string): Promise<WarningRow[]> {
    return this.db
      .select()
      .from(attemptWarning)
      .where(and(eq(attemptWarning.attemptId, attemptId), isNull(attemptWarning.confirmedAt)))
      .orderBy(asc(attemptWarning.sentAt), asc(attemptWarning.id));
  }

  /**
   * Confirms the attempt's reminder at `at` unless confirmed already. Null when the attempt has
   * no such reminder; `isNew` false when it had been confirmed before.
   */
  async confirm(
    attemptId: string,
    warningId: string,
    at: Date,
  ): Promise<{ row: WarningRow; isNew: boolean } | null> {
    const [updated] = await this.db
      .update(attemptWarning)
      .set({ confirmedAt: at })
      .where(
        and(
          eq(attemptWarning.attemptId, attemptId),
          eq(attemptWarning.id, warningId),
          isNull(attemptWarning.confirmedAt),
        ),
      )
      .returning();
    if (updated) return { row: updated, isNew: true };
    const [existing] = await this.db
      .select()
      .from(attemptWarning)
      .where(and(eq(attemptWarning.attemptId, attemptId), eq(attemptWarning.id, warningId)));
    return existing ? { row: existing, isNew: false } : null;
  }

  /** Counts for the attempts (those with none are left out). */
  async countsOf(attemptIds: readonly string[]): Promise<Map<string, WarningCounts>> {
    if (attemptIds.length === 0) return new Map();
    const rows = await this.db
      .select({
        attemptId: attemptWarning.attemptId,
        sent: count(),
        unconfirmed:
          sql<number>`count(*) filter (where ${attemptWarning.confirmedAt} is null)`.mapWith(
            Number,
          ),
      })
      .from(attemptWarning)
      .where(inArray(attemptWarning.attemptId, [...attemptIds]))
      .groupBy(attemptWarning.attemptId);
    return new Map(
      rows.map((row) => [row.attemptId, { sent: row.sent, unconfirmed: row.unconfirmed }]),
    );
  }
}
