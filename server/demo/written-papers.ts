import type { Database } from '../db/client.js';
import { bankPassage, bankQuestion } from '../db/schema/index.js';
import { insertPaper } from '../written-exam/paper-writer.js';
import { DEMO_MATH_QUESTIONS } from './math-questions.js';
import {
  DEMO_FORMAL_SECTIONS,
  DEMO_MOCK_SECTIONS,
  DEMO_PASSAGES,
  type DemoSection,
} from './written-paper-content.js';

type Writer = Pick<Database, 'insert'>;

/**
 * The demo's written exam gets its bank, its formal paper and its mock paper: a new user can
 * sit WRT2026 right after `npm start` and find the same questions in the admin's 题库.
 */
export async function seedDemoPapers(
  db: Writer,
  target: { schoolId: string; examId: string },
): Promise<void> {
  const passages: Record<string, { bankPassageId: string }> = {};
  for (const [key, passage] of Object.entries(DEMO_PASSAGES)) {
    const [row] = await db
      .insert(bankPassage)
      .values({ schoolId: target.schoolId, ...passage })
      .returning({ id: bankPassage.id });
    if (!row) throw new Error('demo passage insert returned nothing');
    passages[key] = { bankPassageId: row.id };
  }

  const sectionsOf = async (sections: DemoSection[]) => {
    const written = [];
    for (const section of sections) {
      const questions = [];
      for (const question of section.questions) {
        const passageId = question.passage ? passages[question.passage]?.bankPassageId : null;
        const [row] = await db
          .insert(bankQuestion)
          .values({
            schoolId: target.schoolId,
            type: question.content.type,
            content: question.content,
            passageId: passageId ?? null,
            tags: ['学位英语', section.tag],
            difficulty: question.difficulty,
            defaultPoints: question.points,
            externalKey: question.key,
          })
          .returning({ id: bankQuestion.id });
        if (!row) throw new Error('demo question insert returned nothing');
        questions.push({
          content: question.content,
          points: question.points,
          ...(question.passage ? { passage: question.passage } : {}),
          bankQuestionId: row.id,
        });
      }
      written.push({
        title: section.title,
        instructions: section.instructions,
        shuffleOptions: section.shuffleOptions ?? false,
        questions,
      });
    }
    return written;
  };

  await insertPaper(db, {
    ...target,
    kind: 'formal',
    version: 1,
    title: '2026年成人学位英语考试',
    passMark: 60,
    passages,
    sections: await sectionsOf(DEMO_FORMAL_SECTIONS),
  });
  await insertPaper(db, {
    ...target,
    kind: 'mock',
    version: 1,
    title: '2026年成人学位英语考试（模拟卷）',
    passages,
    sections: await sectionsOf(DEMO_MOCK_SECTIONS),
  });
  for (const question of DEMO_MATH_QUESTIONS) {
    await db.insert(bankQuestion).values({
      schoolId: target.schoolId,
      type: question.content.type,
      content: question.content,
      tags: ['高等数学'],
      difficulty: question.difficulty,
      defaultPoints: question.points,
      externalKey: question.key,
    });
  }
}
