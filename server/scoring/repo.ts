import { and, asc, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Criterion, AggregationRule } from '../../shared/api/scoring.js';
import type { Database } from '../db/client.js';
import { findExamWithCollege } from '../exams/admin-repo.js';
import {
  appUser,
  exam,
  examSession,
  registration,
  score,
  scoreConfirmation,
  scoringForm,
  waitingTicket,
} from '../db/schema/index.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export type ScoringFormRow = typeof scoringForm.$inferSelect;
export interface InterviewTimes {
  startedAt: Date | null;
  endedAt: Date | null;
}
export type ScoreRow = typeof score.$inferSelect;
export type ConfirmationRow = typeof scoreConfirmation.$inferSelect;

export interface ScoreWithName extends ScoreRow {
  examinerName: string;
}

/** Scoring forms, scores and confirmations: SQL only. */
export class ScoringRepo {
  constructor(private readonly db: Database) {}

  findExam(examId: string) {
    return findExamWithCollege(this.db, examId);
  }

  async findForm(examId: string): Promise<ScoringFormRow | null> {
    const rows = await this.db.select().from(scoringForm).where(eq(scoringForm.examId, examId));
    return rows[0] ?? null;
  }

  async hasScores(examId: string): Promise<boolean> {
    const rows = await this.db
      .select({ id: score.id })
      .from(score)
      .where(eq(score.examId, examId))
      .limit(1);
    return rows.length > 0;
  }

  /**
   * Saves the form unless a score exists. The form row is locked first and a score write holds
   * it shared, so a score and a form change never interleave. Returns null when locked.
   */
  saveFormUnlessScored(values: {
    examId: string;
    schoolId: string;
    criteria: Criterion[];
    commentRequired: boolean;
    aggregation: AggregationRule;
    now: Date;
  }): Promise<ScoringFormRow | null> {
    return this.db.transaction(async (tx) => {
      await tx
        .select({ id: scoringForm.examId })
        .from(scoringForm)
        .where(eq(scoringForm.examId, values.examId))
        .for('update');
      const scored = await tx
        .select({ id: score.id })
        .from(score)
        .where(eq(score.examId, values.examId))
        .limit(1);
      if (scored.length > 0) return null;
      const { now, ...form } = values;
      const [row] = await tx
        .insert(scoringForm)
        .values({ ...form, updatedAt: now })
        .onConflictDoUpdate({
          target: scoringForm.examId,
          set: {
            criteria: form.criteria,
            commentRequired: form.commentRequired,
            aggregation: form.aggregation,
            updatedAt: now,
          },
        })
        .returning();
      return row ?? null;
    });
  }

  /** Sets the publication time once; null when it was already published (or no form). */
  async publish(examId: string, now: Date): Promise<ScoringFormRow | null> {
    const [row] = await this.db
      .update(scoringForm)
      .set({ resultsPublishedAt: now })
      .where(and(eq(scoringForm.examId, examId), isNull(scoringForm.resultsPublishedAt)))
      .returning();
    return row ?? null;
  }

  /** A registration with its session and exam, for the scoring rules. */
  async findRegistration(registrationId: string) {
    const rows = await this.db
      .select({
        id: registration.id,
        schoolId: registration.schoolId,
        examId: registration.examId,
        examKind: exam.kind,
        sessionId: registration.sessionId,
        userId: registration.userId,
      })
      .from(registration)
      .innerJoin(exam, eq(exam.id, registration.examId))
      .where(eq(registration.id, registrationId));
    return rows[0] ?? null;
  }

  /** When each registration's interview started and ended (waiting-room tickets), if at all. */
  async interviewTimes(registrationIds: string[]) {
    if (registrationIds.length === 0) return new Map<string, InterviewTimes>();
    const rows = await this.db
      .select({
        registrationId: waitingTicket.registrationId,
        startedAt: waitingTicket.interviewStartedAt,
        endedAt: waitingTicket.interviewEndedAt,
      })
      .from(waitingTicket)
      .where(inArray(waitingTicket.registrationId, registrationIds));
    return new Map<string, InterviewTimes>(rows.map((row) => [row.registrationId, row]));
  }

  sessionCandidates(sessionId: string) {
    return this.db
      .select({
        registrationId: registration.id,
        admissionNumber: registration.admissionNumber,
        candidateName: appUser.name,
      })
      .from(registration)
      .innerJoin(appUser, eq(appUser.id, registration.userId))
      .where(eq(registration.sessionId, sessionId))
      .orderBy(asc(registration.admissionNumber));
  }

  examCandidates(examId: string) {
    return this.db
      .select({
        registrationId: registration.id,
        admissionNumber: registration.admissionNumber,
        candidateName: appUser.name,
        sessionName: examSession.name,
      })
      .from(registration)
      .innerJoin(appUser, eq(appUser.id, registration.userId))
      .innerJoin(examSession, eq(examSession.id, registration.sessionId))
      .where(eq(registration.examId, examId))
      .orderBy(asc(registration.admissionNumber));
  }

  async scoresOf(registrationIds: string[]): Promise<ScoreWithName[]> {
    if (registrationIds.length === 0) return [];
    const rows = await this.db
      .select({ score, examinerName: appUser.name })
      .from(score)
      .innerJoin(appUser, eq(appUser.id, score.examinerId))
      .where(inArray(score.registrationId, registrationIds))
      .orderBy(asc(score.createdAt), asc(score.examinerId));
    return rows.map((row) => ({ ...row.score, examinerName: row.examinerName }));
  }

  async scoreCounts(registrationIds: string[]): Promise<Map<string, number>> {
    if (registrationIds.length === 0) return new Map();
    const rows = await this.db
      .select({ registrationId: score.registrationId, n: count() })
      .from(score)
      .where(inArray(score.registrationId, registrationIds))
      .groupBy(score.registrationId);
    return new Map(rows.map((row) => [row.registrationId, row.n]));
  }

  async confirmationsOf(registrationIds: string[]) {
    if (registrationIds.length === 0)
      return new Map<string, ConfirmationRow & { byName: string }>();
    const rows = await this.db
      .select({ confirmation: scoreConfirmation, byName: appUser.name })
      .from(scoreConfirmation)
      .innerJoin(appUser, eq(appUser.id, scoreConfirmation.confirmedBy))
      .where(inArray(scoreConfirmation.registrationId, registrationIds));
    return new Map(
      rows.map((row) => [
        row.confirmation.registrationId,
        { ...row.confirmation, byName: row.byName },
      ]),
    );
  }

  /**
   * Writes an examiner's score unless the registration is confirmed or the form changed
   * meanwhile. The registration row is locked, so a confirmation cannot slip in between the
   * check and the write; the form is held shared so it cannot change under the score.
   */
  saveScore(values: {
    registrationId: string;
    schoolId: string;
    examId: string;
    examinerId: string;
    points: number[];
    total: number;
    comment: string;
    /** The form the points were checked against; a newer form refuses the write. */
    formUpdatedAt: Date;
    now: Date;
  }): Promise<'confirmed' | 'form_changed' | ScoreRow> {
    return this.db.transaction(async (tx) => {
      await lockRegistration(tx, values.registrationId);
      const form = await tx
        .select({ updatedAt: scoringForm.updatedAt })
        .from(scoringForm)
        .where(eq(scoringForm.examId, values.examId))
        .for('share');
      if (form[0]?.updatedAt.getTime() !== values.formUpdatedAt.getTime()) return 'form_changed';
      if (await isConfirmed(tx, values.registrationId)) return 'confirmed';
      const { now, ...fields } = values;
      const [row] = await tx
        .insert(score)
        .values({
          registrationId: fields.registrationId,
          schoolId: fields.schoolId,
          examId: fields.examId,
          examinerId: fields.examinerId,
          points: fields.points,
          total: fields.total,
          comment: fields.comment,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [score.registrationId, score.examinerId],
          set: {
            points: fields.points,
            total: fields.total,
            comment: fields.comment,
            updatedAt: now,
          },
        })
        .returning();
      if (!row) throw new Error('score upsert returned nothing');
      return row;
    });
  }

  /**
   * Confirms a registration with the aggregate computed from the scores read under the lock.
   * Answers 'already' if someone confirmed first, 'empty' without scores.
   */
  confirm(values: {
    registrationId: string;
    schoolId: string;
    examId: string;
    confirmedBy: string;
    now: Date;
    aggregateOf: (totals: number[]) => number | null;
  }): Promise<'already' | 'empty' | ConfirmationRow> {
    return this.db.transaction(async (tx) => {
      await lockRegistration(tx, values.registrationId);
      if (await isConfirmed(tx, values.registrationId)) return 'already';
      const totals = (
        await tx
          .select({ total: score.total })
          .from(score)
          .where(eq(score.registrationId, values.registrationId))
      ).map((row) => row.total);
      const aggregate = values.aggregateOf(totals);
      if (aggregate === null) return 'empty';
      const [row] = await tx
        .insert(scoreConfirmation)
        .values({
          registrationId: values.registrationId,
          schoolId: values.schoolId,
          examId: values.examId,
          aggregate,
          scoreCount: totals.length,
          confirmedBy: values.confirmedBy,
          confirmedAt: values.now,
        })
        .returning();
      if (!row) throw new Error('confirmation insert returned nothing');
      return row;
    });
  }

  /** The candidate's confirmed results of exams whose results are published. */
  publishedResultsOf(userId: string) {
    return this.db
      .select({
        registrationId: registration.id,
        examName: exam.name,
        aggregate: scoreConfirmation.aggregate,
        criteria: scoringForm.criteria,
        publishedAt: scoringForm.resultsPublishedAt,
      })
      .from(registration)
      .innerJoin(exam, eq(exam.id, registration.examId))
      .innerJoin(scoreConfirmation, eq(scoreConfirmation.registrationId, registration.id))
      .innerJoin(scoringForm, eq(scoringForm.examId, registration.examId))
      .where(and(eq(registration.userId, userId), isNotNull(scoringForm.resultsPublishedAt)))
      .orderBy(asc(exam.name));
  }
}

async function lockRegistration(tx: Tx, registrationId: string): Promise<void> {
  await tx
    .select({ id: registration.id })
    .from(registration)
    .where(eq(registration.id, registrationId))
    .for('update');
}

async function isConfirmed(tx: Tx, registrationId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: scoreConfirmation.registrationId })
    .from(scoreConfirmation)
    .where(eq(scoreConfirmation.registrationId, registrationId));
  return rows.length > 0;
}
