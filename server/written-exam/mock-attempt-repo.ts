import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { attempt, paper, registration } from '../db/schema/index.js';
import type { AttemptInsert, AttemptRow, PaperRow } from './attempt-repo.js';

/** What starting a mock attempt came to: a new one, the one already open, or refused. */
export type MockStart =
  { row: AttemptRow; created: boolean } | 'formal_started' | 'registration_missing';

/** Whether the registration's formal attempt has started (which closes its mock exam). */
export async function hasFormalAttempt(db: Database, registrationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: attempt.id })
    .from(attempt)
    .where(and(eq(attempt.registrationId, registrationId), eq(attempt.kind, 'formal')))
    .limit(1);
  return row !== undefined;
}

/**
 * The mock exam's data access (模拟考试): mock papers and mock attempts, plain rows. Papers'
 * content, answers and the submit itself are AttemptRepo's and AnswerStore's, shared with the
 * formal attempt. Every query here names kind 'mock', so no formal row is read or written.
 */
export class MockAttemptRepo {
  constructor(private readonly db: Database) {}

  /** The exam's latest mock paper, if it has one. */
  async mockPaper(examId: string): Promise<PaperRow | null> {
    const [row] = await this.db
      .select()
      .from(paper)
      .where(and(eq(paper.examId, examId), eq(paper.kind, 'mock')))
      .orderBy(desc(paper.version))
      .limit(1);
    return row ?? null;
  }

  /** A registration's mock attempts, newest first. */
  mockAttemptsOf(registrationId: string): Promise<AttemptRow[]> {
    return this.db
      .select()
      .from(attempt)
      .where(and(eq(attempt.registrationId, registrationId), eq(attempt.kind, 'mock')))
      .orderBy(desc(attempt.startedAt), desc(attempt.id));
  }

  /** One mock attempt of this registration, or null (another's, a formal one, none). */
  async mockAttempt(registrationId: string, attemptId: string): Promise<AttemptRow | null> {
    const [row] = await this.db
      .select()
      .from(attempt)
      .where(
        and(
          eq(attempt.id, attemptId),
          eq(attempt.registrationId, registrationId),
          eq(attempt.kind, 'mock'),
        ),
      );
    return row ?? null;
  }

  hasFormalAttempt(registrationId: string): Promise<boolean> {
    return hasFormalAttempt(this.db, registrationId);
  }

  /** The registration's mock attempt in progress, if any. */
  async openMockAttempt(registrationId: string): Promise<AttemptRow | null> {
    const [row] = await this.db
      .select()
      .from(attempt)
      .where(
        and(
          eq(attempt.registrationId, registrationId),
          eq(attempt.kind, 'mock'),
          eq(attempt.state, 'in_progress'),
        ),
      )
      .limit(1);
    return row ?? null;
  }

  /**
   * Starts a mock attempt unless one is in progress (then answers it) or the formal attempt has
   * started, under the registration's row lock: two starts at once (two tabs, a double click)
   * make one attempt. The mock paper is not frozen (its edits make a new version once an
   * attempt sat it, papers/repo.ts).
   */
  startMock(values: AttemptInsert & { kind: 'mock' }): Promise<MockStart> {
    return this.db.transaction(async (tx) => {
      const [held] = await tx
        .select({ id: registration.id })
        .from(registration)
        .where(eq(registration.id, values.registrationId))
        .for('update');
      if (!held) return 'registration_missing';
      const [formal] = await tx
        .select({ id: attempt.id })
        .from(attempt)
        .where(and(eq(attempt.registrationId, values.registrationId), eq(attempt.kind, 'formal')))
        .limit(1);
      if (formal) return 'formal_started';
      const [open] = await tx
        .select()
        .from(attempt)
        .where(
          and(
            eq(attempt.registrationId, values.registrationId),
            eq(attempt.kind, 'mock'),
            eq(attempt.state, 'in_progress'),
          ),
        )
        .limit(1);
      if (open) return { row: open, created: false };
      const [created] = await tx.insert(attempt).values(values).returning();
      if (!created) throw new Error('the mock attempt was not inserted');
      return { row: created, created: true };
    });
  }
}
