import { and, eq, sql } from 'drizzle-orm';
import type { Answer } from '../../shared/questions/answer-schema.js';
import type { Database } from '../db/client.js';
import { answerFile, attempt, attemptAnswer } from '../db/schema/index.js';

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
 * The answers of attempts. Each save is one statement that holds the attempt row with FOR
 * SHARE: a submit (FOR UPDATE, or its UPDATE) waits for saves in flight and saves wait for it,
 * so no answer lands in a submitted attempt and none acknowledged before the submit is lost.
 */
/** Last activity moves only when it is older than this (the inactivity submit may come that early). */
export const ACTIVITY_STEP_MS = 5_000;

interface SaveRow {
  is_open: boolean;
  saved_seq: number | null;
  stored_seq: number | null;
}

export class AnswerStore {
  constructor(private readonly db: Database) {}

  /**
   * The photos uploaded into this attempt for this question (removed ones too: a replayed save
   * from before the removal still names it): the only ids a file answer may hold.
   */
  async uploadedFileIds(attemptId: string, paperQuestionId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ id: answerFile.id })
      .from(answerFile)
      .where(
        and(eq(answerFile.attemptId, attemptId), eq(answerFile.paperQuestionId, paperQuestionId)),
      );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * One statement, so one round trip and its own transaction: the attempt row is held FOR SHARE
   * while the answer is upserted (only over a lower seq) and, when it changed, the attempt's last
   * activity moved. The stored seq is read from the statement's snapshot, before the upsert (a
   * newer answer committed meanwhile is read again, in the rare stale case).
   */
  async save(save: AnswerSave): Promise<SaveOutcome> {
    const at = save.at.toISOString();
    const staleActivity = new Date(save.at.getTime() - ACTIVITY_STEP_MS).toISOString();
    const result: unknown = await this.db.execute(sql`
      with held as (
        select ${attempt.id} as id from ${attempt}
         where ${attempt.id} = ${save.attemptId} and ${attempt.state} = 'in_progress'
           for share
      ), written as (
        insert into ${attemptAnswer} (attempt_id, paper_question_id, answer, seq, saved_at, is_late)
        select id, ${save.paperQuestionId}, ${JSON.stringify(save.answer)}::jsonb, ${save.seq},
               ${at}::timestamptz, ${save.isLate}
          from held
        on conflict (attempt_id, paper_question_id) do update
          set answer = excluded.answer, seq = excluded.seq, saved_at = excluded.saved_at,
              is_late = excluded.is_late
          where ${attemptAnswer.seq} < excluded.seq
        returning seq
      ), touched as (
        -- Only a real change counts as activity (a replay does not keep an idle attempt open),
        -- recorded to ACTIVITY_STEP_MS: a candidate typing saves every second or two, and the
        -- inactivity rule counts minutes, so most saves need not write the attempt row too.
        update ${attempt} set last_activity_at = ${at}::timestamptz
         where id = ${save.attemptId} and exists (select 1 from written)
           and last_activity_at < ${staleActivity}::timestamptz
      )
      select exists (select 1 from held) as is_open,
             (select seq from written) as saved_seq,
             (select seq from ${attemptAnswer}
               where attempt_id = ${save.attemptId}
                 and paper_question_id = ${save.paperQuestionId}) as stored_seq`);
    // Both drivers answer raw SQL with `{ rows }`; the shared Database type cannot say so.
    const [row] = (result as { rows: SaveRow[] }).rows;
    if (!row?.is_open) return { status: 'closed' };
    if (row.saved_seq !== null) return { status: 'saved', seq: row.saved_seq };
    if (row.stored_seq !== null && row.stored_seq >= save.seq) {
      return { status: 'stale', storedSeq: row.stored_seq };
    }
    // The newer answer was committed while this statement ran, after its snapshot: read it now.
    const [stored] = await this.db
      .select({ seq: attemptAnswer.seq })
      .from(attemptAnswer)
      .where(
        and(
          eq(attemptAnswer.attemptId, save.attemptId),
          eq(attemptAnswer.paperQuestionId, save.paperQuestionId),
        ),
      );
    return { status: 'stale', storedSeq: stored?.seq ?? save.seq };
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
