import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import {
  attempt,
  bankPassage,
  exam,
  paper,
  paperQuestion,
  questionImage,
  registration,
  storedFile,
} from '../db/schema/index.js';
import type { AttemptLayout } from '../db/schema/written-exams.js';
import type { QuestionContent } from '../../shared/questions/question-schema.js';

export interface QuestionImageRow {
  id: string;
  schoolId: string;
  collegeId: string | null;
  fileId: string;
  mimeType: string;
  width: number;
  height: number;
  storageKey: string;
}

/** A question of a paper as it was copied, with the text of its passage (passages are shared). */
export interface PaperText {
  content: QuestionContent;
  passageText: string | null;
}

const imageColumns = {
  id: questionImage.id,
  schoolId: questionImage.schoolId,
  collegeId: questionImage.collegeId,
  fileId: questionImage.fileId,
  mimeType: questionImage.mimeType,
  width: questionImage.width,
  height: questionImage.height,
  storageKey: storedFile.storageKey,
};

/** SQL of question pictures and of the papers that show them. */
export class QuestionImageRepo {
  constructor(private readonly db: Database) {}

  async insert(values: Omit<QuestionImageRow, 'id' | 'storageKey'>): Promise<string> {
    const [row] = await this.db
      .insert(questionImage)
      .values(values)
      .returning({ id: questionImage.id });
    if (!row) throw new Error('question image insert returned no row');
    return row.id;
  }

  async find(id: string): Promise<QuestionImageRow | null> {
    const [row] = await this.db
      .select(imageColumns)
      .from(questionImage)
      .innerJoin(storedFile, eq(storedFile.id, questionImage.fileId))
      .where(eq(questionImage.id, id));
    return row ?? null;
  }

  /** The pictures of one school among `ids`. */
  async ofSchool(schoolId: string, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return this.db
      .select({ id: questionImage.id, collegeId: questionImage.collegeId })
      .from(questionImage)
      .where(and(eq(questionImage.schoolId, schoolId), inArray(questionImage.id, [...ids])));
  }

  /**
   * The colleges of the exams whose papers (a question or its passage) mention `imageId`; the
   * id is a UUID, so LIKE finds it as written.
   */
  async examCollegesShowing(schoolId: string, imageId: string) {
    const pattern = `%image:${imageId}%`;
    return this.db
      .select({ examId: exam.id, collegeId: exam.collegeId })
      .from(paperQuestion)
      .innerJoin(paper, eq(paper.id, paperQuestion.paperId))
      .innerJoin(exam, eq(exam.id, paper.examId))
      .leftJoin(bankPassage, eq(bankPassage.id, paperQuestion.passageId))
      .where(
        and(
          eq(paper.schoolId, schoolId),
          or(sql`${paperQuestion.content}::text LIKE ${pattern}`, like(bankPassage.text, pattern)),
        ),
      );
  }

  /**
   * The questions a candidate's attempts (formal and mock) show them, as laid out for each
   * attempt: a question a drawn section left out of their paper is not theirs to see.
   */
  async attemptTextsOfCandidate(userId: string): Promise<PaperText[]> {
    const attempts = await this.db
      .select({ layout: attempt.layout })
      .from(attempt)
      .innerJoin(registration, eq(registration.id, attempt.registrationId))
      .where(eq(registration.userId, userId));
    const ids = [
      ...new Set(
        attempts.flatMap(({ layout }: { layout: AttemptLayout }) =>
          layout.questions.map((question) => question.paperQuestionId),
        ),
      ),
    ];
    if (ids.length === 0) return [];
    return this.db
      .select({ content: paperQuestion.content, passageText: bankPassage.text })
      .from(paperQuestion)
      .leftJoin(bankPassage, eq(bankPassage.id, paperQuestion.passageId))
      .where(inArray(paperQuestion.id, ids));
  }
}
