import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { SubmitReason } from '../../shared/api/written-exam.js';
import type { Database } from '../db/client.js';
import { TtlCache } from '../system/ttl-cache.js';
import { DEFAULT_OUTAGE_THRESHOLD_SECONDS } from './outage-rule.js';
import {
  attempt,
  attemptAnswer,
  bankPassage,
  exam,
  examSession,
  paper,
  paperQuestion,
  paperSection,
  registration,
} from '../db/schema/index.js';

export type AttemptRow = typeof attempt.$inferSelect;
export type AttemptInsert = typeof attempt.$inferInsert;
export type PaperRow = typeof paper.$inferSelect;
export type SectionRow = typeof paperSection.$inferSelect;
export type PaperQuestionRow = typeof paperQuestion.$inferSelect;
export interface PassageText {
  id: string;
  title: string;
  text: string;
}

/** A paper with its sections and questions, each in paper order, and the passages they share. */
export interface PaperContent {
  paper: PaperRow;
  sections: (SectionRow & { questions: PaperQuestionRow[] })[];
  passages: Map<string, PassageText>;
}

/** Paper questions kept in memory at most (a few hundred bytes each). */
const QUESTION_CACHE_SIZE = 20_000;
/** How long an autosave trusts the attempt it read (ownAttemptForSave). */
const SAVE_CONTEXT_MS = 2_000;

/**
 * What an autosave needs in one read: the candidate's own registration of a written exam (its
 * rules and times) with its formal attempt, or nothing when the registration is not theirs.
 * Prepared once: saves are the written exam's hottest path (bench/autosave).
 */
function prepareSaveContext(db: Database) {
  return db
    .select({
      userId: registration.userId,
      attendance: registration.attendance,
      identityConfirmedAt: registration.identityConfirmedAt,
      examKind: exam.kind,
      rules: exam.rules,
      startsAt: examSession.startsAt,
      endsAt: examSession.endsAt,
      attempt,
    })
    .from(registration)
    .innerJoin(exam, eq(exam.id, registration.examId))
    .innerJoin(examSession, eq(examSession.id, registration.sessionId))
    .leftJoin(attempt, and(eq(attempt.registrationId, registration.id), eq(attempt.kind, 'formal')))
    .where(
      and(
        eq(registration.id, sql.placeholder('registrationId')),
        eq(registration.userId, sql.placeholder('userId')),
      ),
    )
    .prepare('attempt_save_context');
}
type SaveContext = Awaited<ReturnType<ReturnType<typeof prepareSaveContext>['execute']>>[number];

/** The written exam's data access: papers, attempts and their answers; plain rows, no rules. */
export class AttemptRepo {
  readonly #questions = new Map<string, PaperQuestionRow>();

  readonly #saveContext;
  readonly #saveContexts = new TtlCache<string, SaveContext>(SAVE_CONTEXT_MS, QUESTION_CACHE_SIZE);

  constructor(private readonly db: Database) {
    this.#saveContext = prepareSaveContext(db);
  }

  /** The exam's latest formal paper, if it has one. */
  async formalPaper(examId: string): Promise<PaperRow | null> {
    const [row] = await this.db
      .select()
      .from(paper)
      .where(and(eq(paper.examId, examId), eq(paper.kind, 'formal')))
      .orderBy(desc(paper.version))
      .limit(1);
    return row ?? null;
  }

  async paperContent(paperId: string): Promise<PaperContent | null> {
    const [paperRow] = await this.db.select().from(paper).where(eq(paper.id, paperId));
    if (!paperRow) return null;
    const sections = await this.db
      .select()
      .from(paperSection)
      .where(eq(paperSection.paperId, paperId))
      .orderBy(asc(paperSection.position));
    const questions = await this.db
      .select()
      .from(paperQuestion)
      .where(eq(paperQuestion.paperId, paperId))
      .orderBy(asc(paperQuestion.position));
    const passageIds = [
      ...new Set(questions.flatMap((question) => (question.passageId ? [question.passageId] : []))),
    ];
    const passages =
      passageIds.length > 0
        ? await this.db
            .select({ id: bankPassage.id, title: bankPassage.title, text: bankPassage.text })
            .from(bankPassage)
            .where(inArray(bankPassage.id, passageIds))
        : [];
    return {
      paper: paperRow,
      sections: sections.map((section) => ({
        ...section,
        questions: questions.filter((question) => question.sectionId === section.id),
      })),
      passages: new Map(passages.map((passage) => [passage.id, passage])),
    };
  }

  /**
   * One question of a paper (the autosave's check), without reading the rest of the paper. A
   * paper's questions never change once an attempt sits it (an edit makes the next version), so
   * they are kept in memory after the first read.
   */
  async paperQuestion(paperId: string, paperQuestionId: string): Promise<PaperQuestionRow | null> {
    const key = `${paperId}/${paperQuestionId}`;
    const known = this.#questions.get(key);
    if (known) return known;
    const [row] = await this.db
      .select()
      .from(paperQuestion)
      .where(and(eq(paperQuestion.paperId, paperId), eq(paperQuestion.id, paperQuestionId)));
    if (!row) return null;
    if (this.#questions.size >= QUESTION_CACHE_SIZE) this.#questions.clear();
    this.#questions.set(key, row);
    return row;
  }

  /**
   * See #saveContext; null when the registration is not the user's. An attempt in progress is
   * remembered for SAVE_CONTEXT_MS, so a candidate's next saves skip this read: every change to
   * the attempt through this repo forgets it, and each save's own statement checks the attempt
   * is still in progress; an admin's change to the exam or session counts after that moment.
   * `fresh`: read it again whatever is remembered (a deadline moved on another node, say).
   */
  async ownAttemptForSave(userId: string, registrationId: string, now: Date, fresh = false) {
    const known = fresh ? undefined : this.#saveContexts.get(registrationId, now);
    if (known?.userId === userId) return known;
    const [row] = await this.#saveContext.execute({ userId, registrationId });
    if (!row) return null;
    if (row.attempt?.state === 'in_progress') this.#saveContexts.set(registrationId, row, now);
    return row;
  }

  async formalAttemptOf(registrationId: string): Promise<AttemptRow | null> {
    const [row] = await this.db
      .select()
      .from(attempt)
      .where(and(eq(attempt.registrationId, registrationId), eq(attempt.kind, 'formal')));
    return row ?? null;
  }

  /**
   * Creates the formal attempt and freezes its paper, in one transaction; a second start (two
   * tabs, a double click) finds the first one's attempt: the partial unique index decides.
   */
  async startFormal(
    values: AttemptInsert,
    at: Date,
  ): Promise<{ row: AttemptRow; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx.insert(attempt).values(values).onConflictDoNothing().returning();
      await tx
        .update(paper)
        .set({ frozenAt: at })
        .where(and(eq(paper.id, values.paperId), isNull(paper.frozenAt)));
      const [created] = inserted;
      if (created) return { row: created, created: true };
      const [existing] = await tx
        .select()
        .from(attempt)
        .where(and(eq(attempt.registrationId, values.registrationId), eq(attempt.kind, 'formal')));
      if (!existing) throw new Error('the formal attempt vanished while starting');
      return { row: existing, created: false };
    });
  }

  /**
   * In-progress attempts whose deadline and grace have passed, or whose candidate has been idle
   * past the exam's inactivity rule with the page seen (attempt-clock.ts PagePresence), oldest
   * deadline first, formal and mock (the deadline sweep's candidates; it decides each again
   * under its lock, by its kind's rules).
   */
  async dueAttempts(
    now: Date,
    graceSeconds: number,
    limit: number,
  ): Promise<{ id: string; kind: AttemptRow['kind'] }[]> {
    const awaySeconds = sql`coalesce((${exam.rules}->>'outageThresholdSeconds')::int, ${DEFAULT_OUTAGE_THRESHOLD_SECONDS})`;
    return this.db
      .select({ id: attempt.id, kind: attempt.kind })
      .from(attempt)
      .innerJoin(registration, eq(registration.id, attempt.registrationId))
      .innerJoin(exam, eq(exam.id, registration.examId))
      .where(
        and(
          eq(attempt.state, 'in_progress'),
          or(
            lt(attempt.deadlineAt, new Date(now.getTime() - graceSeconds * 1000)),
            and(
              isNotNull(attempt.idleSubmitMinutes),
              sql`${attempt.lastActivityAt} + ${attempt.idleSubmitMinutes} * interval '1 minute' <= ${now}`,
              or(
                isNull(attempt.lastSeenAt),
                sql`${attempt.lastSeenAt} + ${awaySeconds} * interval '1 second' >= ${now}`,
              ),
            ),
          ),
        ),
      )
      .orderBy(asc(attempt.deadlineAt))
      .limit(limit);
  }

  /** A session's formal attempts with their answers (the staff's progress view). */
  async sessionAttempts(sessionId: string) {
    const attempts = await this.db
      .select()
      .from(attempt)
      .where(and(eq(attempt.sessionId, sessionId), eq(attempt.kind, 'formal')));
    const answers =
      attempts.length > 0
        ? await this.db
            .select({ attemptId: attemptAnswer.attemptId, answer: attemptAnswer.answer })
            .from(attemptAnswer)
            .where(
              inArray(
                attemptAnswer.attemptId,
                attempts.map((row) => row.id),
              ),
            )
        : [];
    return { attempts, answers };
  }

  /**
   * Adds time to a formal attempt in progress under its row lock: `deadlineOf` answers the new
   * deadline for the new extra minutes (attempt-clock.ts). 'closed' when it was no longer in
   * progress, 'capped' when the deadline would not move (the session's end).
   */
  async addExtraTime(
    registrationId: string,
    minutes: number,
    deadlineOf: (locked: AttemptRow, extraMinutes: number) => Date,
  ): Promise<AttemptRow | 'missing' | 'closed' | 'capped'> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(attempt)
        .where(and(eq(attempt.registrationId, registrationId), eq(attempt.kind, 'formal')))
        .for('update');
      if (!locked) return 'missing';
      if (locked.state !== 'in_progress') return 'closed';
      const extraMinutes = locked.extraMinutes + minutes;
      const deadlineAt = deadlineOf(locked, extraMinutes);
      if (deadlineAt.getTime() <= locked.deadlineAt.getTime()) return 'capped';
      const [updated] = await tx
        .update(attempt)
        .set({ extraMinutes, deadlineAt })
        .where(eq(attempt.id, locked.id))
        .returning();
      this.#saveContexts.delete(registrationId);
      return updated ?? 'missing';
    });
  }

  async attemptById(attemptId: string): Promise<AttemptRow | null> {
    const [row] = await this.db.select().from(attempt).where(eq(attempt.id, attemptId));
    return row ?? null;
  }

  /**
   * Submits an in-progress attempt: the row is locked first, so saves in flight finish before
   * (they hold it FOR SHARE) and later ones see it closed; `score` reads the answers under the
   * lock. Null when it was no longer in progress.
   */
  async submit(
    attemptId: string,
    decide: (locked: AttemptRow) => { reason: SubmitReason; at: Date } | null,
    score: (answers: (typeof attemptAnswer.$inferSelect)[]) => number,
  ): Promise<AttemptRow | null> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(attempt)
        .where(eq(attempt.id, attemptId))
        .for('update');
      if (locked?.state !== 'in_progress') return null;
      // Decided again on the locked row: time added meanwhile, an answer just saved.
      const change = decide(locked);
      if (!change) return null;
      const answers = await tx
        .select()
        .from(attemptAnswer)
        .where(eq(attemptAnswer.attemptId, attemptId));
      const [submitted] = await tx
        .update(attempt)
        .set({
          state: 'submitted',
          submittedAt: change.at,
          submitReason: change.reason,
          objectivePoints: score(answers),
        })
        .where(eq(attempt.id, attemptId))
        .returning();
      this.#saveContexts.delete(locked.registrationId);
      return submitted ?? null;
    });
  }
}
