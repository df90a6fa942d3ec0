import { and, eq, sql } from 'drizzle-orm';
import { paper, paperQuestion } from '../db/schema/index.js';
import type { TestApp } from '../test/test-app.js';
import type { Caller } from './caller.js';

// The security world's written-exam rows for the marking routes: a paper question of a written
// exam in a college admin's reach and one out of it.

/** An essay on a formal paper of 外国语学院笔试 (made through the API) and one of WRT2026's. */
export async function markingRows(
  test: TestApp,
  admin: Caller,
  exams: { collegeId: string; flWrittenExamId: string; writtenExamId: string },
) {
  const essay = await admin.ok({
    method: 'POST',
    url: '/api/admin/question-bank/questions',
    json: {
      content: { type: 'essay', stem: 'Matrix essay', maxLength: 100, referenceAnswer: '' },
      defaultPoints: 10,
      collegeId: exams.collegeId,
    },
  });
  const saved = await admin.ok({
    method: 'PUT',
    url: `/api/admin/exams/${exams.flWrittenExamId}/papers/formal`,
    json: {
      title: '外国语学院笔试',
      sections: [
        { title: '写作', questions: [{ bankQuestionId: essay.json<{ id: string }>().id }] },
      ],
      baseVersion: null,
    },
  });
  const flPaperQuestionId = saved.json<{
    paper: { sections: { questions: { paperQuestionId: string }[] }[] };
  }>().paper.sections[0]?.questions[0]?.paperQuestionId;
  const [written] = await test.database.db
    .select({ id: paperQuestion.id })
    .from(paperQuestion)
    .innerJoin(paper, eq(paper.id, paperQuestion.paperId))
    .where(
      and(
        eq(paper.examId, exams.writtenExamId),
        eq(paper.kind, 'formal'),
        sql`${paperQuestion.content}->>'type' = 'essay'`,
      ),
    )
    .limit(1);
  if (!flPaperQuestionId || !written) throw new Error('no paper questions for marking');
  return { flPaperQuestionId, writtenPaperQuestionId: written.id };
}
