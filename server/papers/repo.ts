import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { PaperKind } from '../../shared/api/papers.js';
import type { Database } from '../db/client.js';
import { attempt, bankQuestion, exam, paper } from '../db/schema/index.js';
import { insertPaper, type PaperSectionSpec } from '../written-exam/paper-writer.js';

export type PaperRow = typeof paper.$inferSelect;
export type BankQuestionRow = typeof bankQuestion.$inferSelect;

/** The papers' data access: plain rows, no rules. */
export class PaperRepo {
  constructor(private readonly db: Database) {}

  async findExam(examId: string) {
    const [row] = await this.db
      .select({
        id: exam.id,
        schoolId: exam.schoolId,
        collegeId: exam.collegeId,
        code: exam.code,
        kind: exam.kind,
      })
      .from(exam)
      .where(eq(exam.id, examId));
    return row ?? null;
  }

  async latestPaper(examId: string, kind: PaperKind): Promise<PaperRow | null> {
    const [row] = await this.db
      .select()
      .from(paper)
      .where(and(eq(paper.examId, examId), eq(paper.kind, kind)))
      .orderBy(desc(paper.version))
      .limit(1);
    return row ?? null;
  }

  /** How many attempts sat this paper (in progress or submitted, of its own kind). */
  async attemptCount(paperId: string): Promise<number> {
    const [row] = await this.db
      .select({ total: count() })
      .from(attempt)
      .where(eq(attempt.paperId, paperId));
    return row?.total ?? 0;
  }

  /** The school's bank questions of these ids (others, and other schools', are left out). */
  async bankQuestions(schoolId: string, ids: readonly string[]): Promise<BankQuestionRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(bankQuestion)
      .where(and(eq(bankQuestion.schoolId, schoolId), inArray(bankQuestion.id, [...ids])));
  }

  /**
   * Saves a paper as the next version, or in place of the latest when no attempt sits it yet,
   * under the exam's row lock: two admins saving at once are decided one after the other, and
   * `expectedVersion` (the version the edit began from) refuses the one that is behind.
   */
  async save(input: {
    examId: string;
    schoolId: string;
    kind: PaperKind;
    expectedVersion: number | null;
    title: string;
    passMark: number | null;
    passages: Record<string, { bankPassageId: string }>;
    sections: PaperSectionSpec[];
  }): Promise<{ paperId: string } | 'conflict'> {
    return this.db.transaction(async (tx) => {
      await tx.select({ id: exam.id }).from(exam).where(eq(exam.id, input.examId)).for('update');
      const [latest] = await tx
        .select()
        .from(paper)
        .where(and(eq(paper.examId, input.examId), eq(paper.kind, input.kind)))
        .orderBy(desc(paper.version))
        .limit(1);
      if ((latest?.version ?? null) !== input.expectedVersion) return 'conflict';
      let version = (latest?.version ?? 0) + 1;
      if (latest) {
        const [sat] = await tx
          .select({ id: attempt.id })
          .from(attempt)
          .where(eq(attempt.paperId, latest.id))
          .limit(1);
        if (!sat && !latest.frozenAt) {
          await tx.delete(paper).where(eq(paper.id, latest.id));
          version = latest.version;
        }
      }
      const { paperId } = await insertPaper(tx, {
        schoolId: input.schoolId,
        examId: input.examId,
        kind: input.kind,
        version,
        title: input.title,
        ...(input.passMark === null ? {} : { passMark: input.passMark }),
        passages: input.passages,
        sections: input.sections,
      });
      return { paperId };
    });
  }
}
