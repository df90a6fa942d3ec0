import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MarkSlot } from '../../shared/api/marking-rules.js';
import type { Database } from '../db/client.js';
import {
  answerMark,
  appUser,
  attempt,
  attemptAnswer,
  exam,
  examSession,
  paper,
  paperQuestion,
  paperSection,
  registration,
  staffAssignment,
  writtenResultRelease,
} from '../db/schema/index.js';

export type MarkRow = typeof answerMark.$inferSelect & { markerName: string };
export type AnswerRow = typeof attemptAnswer.$inferSelect;
/** The marks of one attempt as read under its lock. */
export type LockedMark = Pick<
  typeof answerMark.$inferSelect,
  'paperQuestionId' | 'slot' | 'points' | 'markerId' | 'markedAt'
>;

/** A question of a formal paper with its section, in paper order. */
export interface PaperQuestionInfo {
  id: string;
  paperId: string;
  sectionPosition: number;
  sectionTitle: string;
  position: number;
  points: number;
  content: (typeof paperQuestion.$inferSelect)['content'];
}

/** The exam's formal attempts with their candidates, in the order they started. */
export interface ExamAttempt {
  id: string;
  registrationId: string;
  paperId: string;
  state: (typeof attempt.$inferSelect)['state'];
  layout: (typeof attempt.$inferSelect)['layout'];
  objectivePoints: number | null;
  admissionNumber: string;
  candidateName: string;
}

/** Marks, answers, attempts and the publication of written exams: SQL only. */
export class MarkingRepo {
  constructor(private readonly db: Database) {}

  async findExam(examId: string) {
    const [row] = await this.db
      .select({
        id: exam.id,
        schoolId: exam.schoolId,
        collegeId: exam.collegeId,
        code: exam.code,
        name: exam.name,
        kind: exam.kind,
        rules: exam.rules,
      })
      .from(exam)
      .where(eq(exam.id, examId));
    return row ?? null;
  }

  /** Whether the user holds the marker duty (阅卷) on any session of the exam. */
  async isMarker(examId: string, userId: string): Promise<boolean> {
    const rows = await this.db
      .select({ id: staffAssignment.id })
      .from(staffAssignment)
      .innerJoin(examSession, eq(examSession.id, staffAssignment.sessionId))
      .where(
        and(
          eq(examSession.examId, examId),
          eq(staffAssignment.userId, userId),
          eq(staffAssignment.duty, 'marker'),
        ),
      )
      .limit(1);
    return rows.length > 0;
  }

  /** The exams on whose sessions the user holds the marker duty. */
  async markerExamIds(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ examId: examSession.examId })
      .from(staffAssignment)
      .innerJoin(examSession, eq(examSession.id, staffAssignment.sessionId))
      .where(and(eq(staffAssignment.userId, userId), eq(staffAssignment.duty, 'marker')));
    return rows.map((row) => row.examId);
  }

  /** Every formal paper version of the exam, oldest first. */
  formalPapers(examId: string) {
    return this.db
      .select({
        id: paper.id,
        version: paper.version,
        title: paper.title,
        passMark: paper.passMark,
      })
      .from(paper)
      .where(and(eq(paper.examId, examId), eq(paper.kind, 'formal')))
      .orderBy(asc(paper.version));
  }

  async questionsOf(paperIds: string[]): Promise<PaperQuestionInfo[]> {
    if (paperIds.length === 0) return [];
    return this.db
      .select({
        id: paperQuestion.id,
        paperId: paperQuestion.paperId,
        sectionPosition: paperSection.position,
        sectionTitle: paperSection.title,
        position: paperQuestion.position,
        points: paperQuestion.points,
        content: paperQuestion.content,
      })
      .from(paperQuestion)
      .innerJoin(paperSection, eq(paperSection.id, paperQuestion.sectionId))
      .where(inArray(paperQuestion.paperId, paperIds))
      .orderBy(asc(paperSection.position), asc(paperQuestion.position));
  }

  formalAttempts(examId: string): Promise<ExamAttempt[]> {
    return this.db
      .select({
        id: attempt.id,
        registrationId: attempt.registrationId,
        paperId: attempt.paperId,
        state: attempt.state,
        layout: attempt.layout,
        objectivePoints: attempt.objectivePoints,
        admissionNumber: registration.admissionNumber,
        candidateName: appUser.name,
      })
      .from(attempt)
      .innerJoin(registration, eq(registration.id, attempt.registrationId))
      .innerJoin(appUser, eq(appUser.id, registration.userId))
      .where(and(eq(registration.examId, examId), eq(attempt.kind, 'formal')))
      .orderBy(asc(attempt.startedAt), asc(attempt.id));
  }

  async marksOf(examId: string): Promise<MarkRow[]> {
    const rows = await this.db
      .select({ mark: answerMark, markerName: appUser.name })
      .from(answerMark)
      .innerJoin(appUser, eq(appUser.id, answerMark.markerId))
      .where(eq(answerMark.examId, examId));
    return rows.map((row) => ({ ...row.mark, markerName: row.markerName }));
  }

  async answersOf(attemptIds: string[], paperQuestionId?: string): Promise<AnswerRow[]> {
    if (attemptIds.length === 0) return [];
    const ofAttempts = inArray(attemptAnswer.attemptId, attemptIds);
    return this.db
      .select()
      .from(attemptAnswer)
      .where(
        paperQuestionId
          ? and(ofAttempts, eq(attemptAnswer.paperQuestionId, paperQuestionId))
          : ofAttempts,
      );
  }

  /** Every registration of the exam with its candidate and session, by admission number. */
  registrationsOf(examId: string) {
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

  /**
   * Writes a mark under the attempt's row lock, so it never lands on an attempt that is not
   * submitted and two markers never take the same slot: `slotFor` picks the slot from the
   * answer's marks read under the lock (or refuses with a code), `isComplete` decides from all
   * the attempt's marks whether it is now marked. 'not_submitted' for an attempt in progress.
   */
  saveMark<R extends string>(
    values: Omit<typeof answerMark.$inferInsert, 'markedAt' | 'slot'> & { markedAt: Date },
    slotFor: (answerMarks: LockedMark[]) => MarkSlot | { refused: R },
    isComplete: (marks: LockedMark[]) => boolean,
  ): Promise<'not_submitted' | { refused: R } | { slot: MarkSlot; state: 'submitted' | 'marked' }> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ state: attempt.state })
        .from(attempt)
        .where(eq(attempt.id, values.attemptId))
        .for('update');
      if (!locked || locked.state === 'in_progress') return 'not_submitted';
      const marksOf = () =>
        tx
          .select({
            paperQuestionId: answerMark.paperQuestionId,
            slot: answerMark.slot,
            points: answerMark.points,
            markerId: answerMark.markerId,
            markedAt: answerMark.markedAt,
          })
          .from(answerMark)
          .where(eq(answerMark.attemptId, values.attemptId));
      const before = await marksOf();
      const slot = slotFor(
        before.filter((mark) => mark.paperQuestionId === values.paperQuestionId),
      );
      if (typeof slot === 'object') return slot;
      await tx
        .insert(answerMark)
        .values({ ...values, slot })
        .onConflictDoUpdate({
          target: [answerMark.attemptId, answerMark.paperQuestionId, answerMark.slot],
          set: {
            points: values.points,
            comment: values.comment,
            markerId: values.markerId,
            markedAt: values.markedAt,
          },
        });
      const state = isComplete(await marksOf()) ? 'marked' : 'submitted';
      if (state !== locked.state) {
        await tx.update(attempt).set({ state }).where(eq(attempt.id, values.attemptId));
      }
      return { slot, state };
    });
  }

  async release(examId: string) {
    const [row] = await this.db
      .select({ release: writtenResultRelease, byName: appUser.name })
      .from(writtenResultRelease)
      .innerJoin(appUser, eq(appUser.id, writtenResultRelease.publishedBy))
      .where(eq(writtenResultRelease.examId, examId));
    return row ? { ...row.release, byName: row.byName } : null;
  }

  /** Records the publication once; false when someone published first. */
  async publish(values: typeof writtenResultRelease.$inferInsert): Promise<boolean> {
    const rows = await this.db
      .insert(writtenResultRelease)
      .values(values)
      .onConflictDoNothing()
      .returning({ examId: writtenResultRelease.examId });
    return rows.length > 0;
  }

  /** The candidate's own registration with its exam, or null for anyone else's. */
  async ownRegistration(userId: string, registrationId: string) {
    const [row] = await this.db
      .select({
        id: registration.id,
        examId: registration.examId,
        examKind: exam.kind,
        examName: exam.name,
        rules: exam.rules,
      })
      .from(registration)
      .innerJoin(exam, eq(exam.id, registration.examId))
      .where(and(eq(registration.id, registrationId), eq(registration.userId, userId)));
    return row ?? null;
  }

  async formalAttemptOf(registrationId: string): Promise<ExamAttempt | null> {
    const [row] = await this.db
      .select({
        id: attempt.id,
        registrationId: attempt.registrationId,
        paperId: attempt.paperId,
        state: attempt.state,
        layout: attempt.layout,
        objectivePoints: attempt.objectivePoints,
        admissionNumber: registration.admissionNumber,
        candidateName: appUser.name,
      })
      .from(attempt)
      .innerJoin(registration, eq(registration.id, attempt.registrationId))
      .innerJoin(appUser, eq(appUser.id, registration.userId))
      .where(and(eq(attempt.registrationId, registrationId), eq(attempt.kind, 'formal')));
    return row ?? null;
  }

  async marksOfAttempt(attemptId: string): Promise<MarkRow[]> {
    const rows = await this.db
      .select({ mark: answerMark, markerName: appUser.name })
      .from(answerMark)
      .innerJoin(appUser, eq(appUser.id, answerMark.markerId))
      .where(eq(answerMark.attemptId, attemptId));
    return rows.map((row) => ({ ...row.mark, markerName: row.markerName }));
  }
}
