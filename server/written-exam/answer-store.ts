import { and, eq, sql } from 'drizzle-orm';
import type { Answer } from '../../shared/questions/answer-schema.js';
import type { Database } from '../db/client.js';
import { answerFile, attempt, attemptAnswer } from '../db/schema/index.js';
import { SaveBatcher } from './save-batcher.js';

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

/** Last activity moves only when it is older than this (the inactivity submit may come that early). */
export const ACTIVITY_STEP_MS = 5_000;

interface SaveRow {
  is_open: boolean;
  saved_seq: number | null;
  stored_seq: number | null;
}

/**
 * The answers of attempts. Each save is written by one statement that holds its attempt row
 * FOR NO KEY UPDATE: a submit (FOR UPDATE) waits for saves in flight and saves wait for it, so no
 * answer lands in a submitted attempt and none acknowledged before the submit is lost. Saves
 * arriving together share one statement and one commit (save-batcher.ts, writeBatch).
 */
export class AnswerStore {
  readonly #batcher: SaveBatcher<AnswerSave, SaveOutcome>;

  constructor(private readonly db: Database) {
    this.#batcher = new SaveBatcher({
      writeBatch: (saves) => this.writeBatch(saves),
      writeOne: (save) => this.writeOne(save),
      keyOf: (save) => save.attemptId,
    });
  }

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

  /** Stores one save, acknowledged once committed (with others arriving at the same time). */
  save(save: AnswerSave): Promise<SaveOutcome> {
    return this.#batcher.save(save);
  }

  /**
   * One statement, so one round trip and its own transaction: the attempt row is held while the
   * answer is upserted (only over a lower seq) and, when it changed, the attempt's last activity
   * moved. The stored seq is read from the statement's snapshot, before the upsert (a newer
   * answer committed meanwhile is read again, in the rare stale case).
   */
  private async writeOne(save: AnswerSave): Promise<SaveOutcome> {
    const at = save.at.toISOString();
    const staleActivity = new Date(save.at.getTime() - ACTIVITY_STEP_MS).toISOString();
    const result: unknown = await this.db.execute(sql`
      with held as (
        select ${attempt.id} as id from ${attempt}
         where ${attempt.id} = ${save.attemptId} and ${attempt.state} = 'in_progress'
           for no key update
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
    return this.outcomeOf(save, row);
  }

  /**
   * writeOne for several saves of different attempts, in one statement: the attempts are held in
   * id order (two batches on two nodes lock in the same order), the answers upserted in key
   * order, and each save answered by its own row.
   */
  private async writeBatch(saves: readonly AnswerSave[]): Promise<SaveOutcome[]> {
    const input = JSON.stringify(
      saves.map((save, index) => ({
        i: index,
        attempt_id: save.attemptId,
        paper_question_id: save.paperQuestionId,
        answer: save.answer,
        seq: save.seq,
        saved_at: save.at.toISOString(),
        is_late: save.isLate,
      })),
    );
    const stepSeconds = ACTIVITY_STEP_MS / 1000;
    const result: unknown = await this.db.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${input}::jsonb) as t(
          i int, attempt_id uuid, paper_question_id uuid, answer jsonb, seq int,
          saved_at timestamptz, is_late boolean)
      ), held as (
        select ${attempt.id} as id from ${attempt}
         where ${attempt.id} in (select attempt_id from input) and ${attempt.state} = 'in_progress'
         order by ${attempt.id}
           for no key update
      ), written as (
        insert into ${attemptAnswer} (attempt_id, paper_question_id, answer, seq, saved_at, is_late)
        select input.attempt_id, input.paper_question_id, input.answer, input.seq,
               input.saved_at, input.is_late
          from input join held on held.id = input.attempt_id
         order by input.attempt_id, input.paper_question_id
        on conflict (attempt_id, paper_question_id) do update
          set answer = excluded.answer, seq = excluded.seq, saved_at = excluded.saved_at,
              is_late = excluded.is_late
          where ${attemptAnswer.seq} < excluded.seq
        returning attempt_id, paper_question_id, seq
      ), touched as (
        update ${attempt} set last_activity_at = changed.at
          from (select input.attempt_id, max(input.saved_at) as at
                  from written join input using (attempt_id, paper_question_id)
                 group by input.attempt_id) as changed
         where ${attempt.id} = changed.attempt_id
           and ${attempt.lastActivityAt} < changed.at - ${stepSeconds} * interval '1 second'
      )
      select input.i, held.id is not null as is_open, written.seq as saved_seq,
             stored.seq as stored_seq
        from input
        left join held on held.id = input.attempt_id
        left join written using (attempt_id, paper_question_id)
        left join ${attemptAnswer} as stored using (attempt_id, paper_question_id)`);
    const rows = (result as { rows: (SaveRow & { i: number })[] }).rows;
    const byIndex = new Map(rows.map((row) => [row.i, row]));
    return Promise.all(saves.map((save, index) => this.outcomeOf(save, byIndex.get(index))));
  }

  private async outcomeOf(save: AnswerSave, row: SaveRow | undefined): Promise<SaveOutcome> {
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
