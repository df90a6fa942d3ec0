import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { attemptEvent } from '../db/schema/index.js';

/** An event as its evidence snapshot needs it. */
export interface EvidenceEventRow {
  id: string;
  type: (typeof attemptEvent.$inferSelect)['type'];
  snapshotKey: string | null;
}

/** The evidence snapshots of attempt events (attempt_event.snapshot_*): plain rows, no rules. */
export class EvidenceRepo {
  constructor(private readonly db: Database) {}

  /** One stored event of the attempt, or null (not arrived yet, or another attempt's). */
  async event(attemptId: string, eventId: string): Promise<EvidenceEventRow | null> {
    const [row] = await this.db
      .select({
        id: attemptEvent.id,
        type: attemptEvent.type,
        snapshotKey: attemptEvent.snapshotKey,
      })
      .from(attemptEvent)
      .where(and(eq(attemptEvent.attemptId, attemptId), eq(attemptEvent.id, eventId)));
    return row ?? null;
  }

  /** How many of the attempt's events carry a snapshot. */
  async snapshotCount(attemptId: string): Promise<number> {
    const [row] = await this.db
      .select({ total: count() })
      .from(attemptEvent)
      .where(and(eq(attemptEvent.attemptId, attemptId), isNotNull(attemptEvent.snapshotKey)));
    return row?.total ?? 0;
  }

  /**
   * Sets the event's snapshot unless it has one: true when this call set it. The condition is in
   * the statement, so of two uploads racing for one event exactly one wins.
   */
  async setSnapshot(
    attemptId: string,
    eventId: string,
    snapshot: { key: string; bytes: number },
  ): Promise<boolean> {
    const updated = await this.db
      .update(attemptEvent)
      .set({ snapshotKey: snapshot.key, snapshotBytes: snapshot.bytes })
      .where(
        and(
          eq(attemptEvent.attemptId, attemptId),
          eq(attemptEvent.id, eventId),
          isNull(attemptEvent.snapshotKey),
        ),
      )
      .returning({ id: attemptEvent.id });
    return updated.length > 0;
  }
}
