import { and, eq, sql } from 'drizzle-orm';
import type { Answer } from '../../shared/questions/answer-schema.js';
import type { Database } from '../db/client.js';
import { attempt, attemptAnswer } from '../db/schema/index.js';

/** One autosave of one question (issue 14 §5), as the server received it. */
export interface AnswerSave {
  attemptId: string;
  paperQuestionId: string;
  answer: Answer;
  /** The page's counter for this question: only a higher one replaces what is stored. */
  seq: number;
  /** When it arrived (the server's clock, never the page's). */
  at: Date;
  /** It arrived after the deadline, within the grace. */
  isLate: boolean;
}

/**
 * What became of a save: `saved` once committed (the only outcome the page may forget its copy
 * after); `stale` when a save with this or a higher seq is already stored (a replay, or an older
 * save overtaken by a newer one: the stored seq says which); `closed` when the attempt was
 * submitted before it arrived.
 */
export type SaveOutcome =
  { status: 'saved'; seq: number } | { status: 'stale'; storedSeq: number } | { status: 'closed' };

/**
 * The answers of attempts. Each save is one transaction that holds the attempt row with FOR
 * SHARE: a submit (FOR UPDATE, or its UPDATE) waits for saves in flight and saves wait for it,
 * so no answer lands in a submitted attempt and none acknowledged before the submit is lost.
 */
export class AnswerStore {
  constructor(private readonly db: Database) {}

  async save(save: AnswerSave): Promise<SaveOutcome> {
    return this.db.transaction(async (tx) => {
      const [held] = await tx
        .select({ state: attempt.state })
        .from(attempt)
        .where(eq(attempt.id, save.attemptId))
        .for('share');
      if (held?.state !== 'in_progress') return { status: 'closed' } as const;

      const written = await tx
        .insert(attemptAnswer)
        .values({
          attemptId: save.attemptId,
          paperQuestionId: save.paperQuestionId,
          answer: save.answer,
          seq: save.seq,
          savedAt: save.at,
          isLate: save.isLate,
        })
        .onConflictDoUpdate({
          target: [attemptAnswer.attemptId, attemptAnswer.paperQuestionId],
          set: {
            answer: sql`excluded.answer`,
            seq: sql`excluded.seq`,
            savedAt: sql`excluded.saved_at`,
            isLate: sql`excluded.is_late`,
          },
          setWhere: sql`${attemptAnswer.seq} < excluded.seq`,
        })
        .returning({ seq: attemptAnswer.seq });
      if (written.length === 0) {
        const [stored] = await tx
          .select({ seq: attemptAnswer.seq })
          .from(attemptAnswer)
          .where(
            and(
              eq(attemptAnswer.attemptId, save.attemptId),
              eq(attemptAnswer.paperQuestionId, save.paperQuestionId),
            ),
          );
        return { status: 'stale', storedSeq: stored?.seq ?? save.seq } as const;
      }
      // Only a real change counts as activity (a replay does not keep an idle attempt open).
      await tx
        .update(attempt)
        .set({ lastActivityAt: save.at })
        .where(and(eq(attempt.id, save.attemptId), sql`${attempt.lastActivityAt} < ${save.at}`));
      return { status: 'saved', seq: save.seq } as const;
    });
  }

  /** Every stored answer of an attempt, by paper question. */
  async answersOf(attemptId: string): Promise<Map<string, { answer: Answer; seq: number }>> {
    const rows = await this.db
      .select({
        paperQuestionId: attemptAnswer.paperQuestionId,
        answer: attemptAnswer.answer,
        seq: attemptAnswer.seq,
      })
      .from(attemptAnswer)
      .where(eq(attemptAnswer.attemptId, attemptId));
    return new Map(rows.map((row) => [row.paperQuestionId, { answer: row.answer, seq: row.seq }]));
  }
}
