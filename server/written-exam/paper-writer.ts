import type { QuestionContent } from '../../shared/questions/question-schema.js';
import type { Database } from '../db/client.js';
import { bankPassage, paper, paperQuestion, paperSection } from '../db/schema/index.js';

/** A reading passage several questions of a paper share (阅读理解, 完形填空): new, or the bank's. */
export type PassageSpec = { title: string; text: string } | { bankPassageId: string };

export interface PaperQuestionSpec {
  content: QuestionContent;
  points: number;
  /** Key into PaperSpec.passages. */
  passage?: string;
  bankQuestionId?: string;
}

export interface PaperSectionSpec {
  title: string;
  instructions: string;
  shuffleQuestions?: boolean;
  shuffleOptions?: boolean;
  /** Each candidate gets this many of the section's questions, drawn from the attempt's seed. */
  drawCount?: number | null;
  questions: PaperQuestionSpec[];
}

export interface PaperSpec {
  schoolId: string;
  examId: string;
  kind: 'formal' | 'mock';
  version: number;
  title: string;
  passMark?: number;
  passages?: Record<string, PassageSpec>;
  sections: PaperSectionSpec[];
}

type Writer = Pick<Database, 'insert'>;

/**
 * Writes a whole paper (its passages, sections and questions) in paper order. The demo seeds its
 * papers with it, tests theirs and the admin's paper editor (server/papers) too. Answers the paper's id and
 * its questions' ids in order.
 */
export async function insertPaper(
  db: Writer,
  spec: PaperSpec,
): Promise<{ paperId: string; questionIds: string[] }> {
  const passageIds = new Map<string, string>();
  for (const [key, passage] of Object.entries(spec.passages ?? {})) {
    if ('bankPassageId' in passage) {
      passageIds.set(key, passage.bankPassageId);
      continue;
    }
    const [row] = await db
      .insert(bankPassage)
      .values({ schoolId: spec.schoolId, ...passage })
      .returning({ id: bankPassage.id });
    if (!row) throw new Error('passage insert returned nothing');
    passageIds.set(key, row.id);
  }
  const [created] = await db
    .insert(paper)
    .values({
      schoolId: spec.schoolId,
      examId: spec.examId,
      kind: spec.kind,
      version: spec.version,
      title: spec.title,
      passMark: spec.passMark ?? null,
    })
    .returning({ id: paper.id });
  if (!created) throw new Error('paper insert returned nothing');

  const questionIds: string[] = [];
  for (const [sectionIndex, section] of spec.sections.entries()) {
    const [sectionRow] = await db
      .insert(paperSection)
      .values({
        paperId: created.id,
        position: sectionIndex + 1,
        title: section.title,
        instructions: section.instructions,
        shuffleQuestions: section.shuffleQuestions ?? false,
        shuffleOptions: section.shuffleOptions ?? false,
        drawCount: section.drawCount ?? null,
      })
      .returning({ id: paperSection.id });
    if (!sectionRow) throw new Error('section insert returned nothing');
    if (section.questions.length === 0) continue;
    const rows = await db
      .insert(paperQuestion)
      .values(
        section.questions.map((question, index) => {
          const passageId = question.passage ? passageIds.get(question.passage) : undefined;
          if (question.passage && !passageId) {
            throw new Error(`no passage "${question.passage}" on the paper`);
          }
          return {
            paperId: created.id,
            sectionId: sectionRow.id,
            position: index + 1,
            content: question.content,
            points: question.points,
            passageId: passageId ?? null,
            bankQuestionId: question.bankQuestionId ?? null,
          };
        }),
      )
      .returning({ id: paperQuestion.id, position: paperQuestion.position });
    rows.sort((a, b) => a.position - b.position);
    questionIds.push(...rows.map((row) => row.id));
  }
  return { paperId: created.id, questionIds };
}
