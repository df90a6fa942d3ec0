import { and, eq, sql } from 'drizzle-orm';
import { appUser, exam, paper, paperQuestion } from '../db/schema/index.js';
import type { TestApp } from '../test/test-app.js';
import type { Caller } from './caller.js';

// The security world's written-exam rows for the marking routes: a paper question of a written
// exam in a college admin's reach and one out of it; the matrix's examiner (主考官 林老师) is a
// 阅卷人 of the first, through a session of it with the marker duty.

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
  await assignMarker(test, admin, exams.flWrittenExamId, 'panel1');
  return { flPaperQuestionId, writtenPaperQuestionId: written.id };
}

/** A session of the exam with `username` (an examiner of its school) as its 阅卷人. */
async function assignMarker(test: TestApp, admin: Caller, examId: string, username: string) {
  const now = test.clock.now().getTime();
  const session = await admin.ok({
    method: 'POST',
    url: `/api/admin/exams/${examId}/sessions`,
    json: {
      name: '外国语学院笔试考场',
      startsAt: new Date(now + 86_400_000).toISOString(),
      endsAt: new Date(now + 90_000_000).toISOString(),
    },
  });
  const [marker] = await test.database.db
    .select({ id: appUser.id })
    .from(appUser)
    .innerJoin(exam, eq(exam.schoolId, appUser.schoolId))
    .where(and(eq(exam.id, examId), eq(appUser.username, username)));
  if (!marker) throw new Error(`no examiner ${username}`);
  await admin.ok({
    method: 'PUT',
    url: `/api/admin/sessions/${session.json<{ id: string }>().id}/staff`,
    json: {
      waitingExaminerIds: [],
      panelExaminerIds: [],
      panelChairId: null,
      proctorIds: [],
      markerIds: [marker.id],
    },
  });
}
