import { eq } from 'drizzle-orm';
import { tinyPng } from '../documents/test-files.js';
import { attempt, paperQuestion, questionImage } from '../db/schema/index.js';
import { saveStoredFile } from '../files/stored-files.js';
import type { TestApp } from '../test/test-app.js';

// The security world's question pictures: 外国语学院's, named in the first question of 张三's mock
// attempt (so he and both admins reach it) and in the essay of 外国语学院笔试 (so does the
// matrix's examiner, its 阅卷人), and 计算机学院's, on no paper (out of a candidate's and a
// 外国语学院 admin's reach).

async function imageOf(test: TestApp, schoolId: string, collegeId: string): Promise<string> {
  const { db } = test.database;
  const saved = await saveStoredFile(db, test.storage, {
    schoolId,
    purpose: 'question-images',
    bytes: tinyPng(),
    mimeType: 'image/png',
  });
  const [row] = await db
    .insert(questionImage)
    .values({ schoolId, collegeId, fileId: saved.id, mimeType: 'image/png', width: 1, height: 1 })
    .returning({ id: questionImage.id });
  if (!row) throw new Error('no question picture for the security world');
  return row.id;
}

/** The two pictures, the first named in a question of `mockAttemptId`. */
export async function questionImageRows(
  test: TestApp,
  rows: {
    schoolId: string;
    collegeId: string;
    csCollegeId: string;
    mockAttemptId: string;
    flPaperQuestionId: string;
  },
) {
  const { db } = test.database;
  const flImageId = await imageOf(test, rows.schoolId, rows.collegeId);
  const [row] = await db
    .select({ layout: attempt.layout })
    .from(attempt)
    .where(eq(attempt.id, rows.mockAttemptId));
  const first = row?.layout.questions[0]?.paperQuestionId;
  if (!first) throw new Error('no question in the mock attempt');
  for (const paperQuestionId of [first, rows.flPaperQuestionId]) {
    const [question] = await db
      .select({ content: paperQuestion.content })
      .from(paperQuestion)
      .where(eq(paperQuestion.id, paperQuestionId));
    if (!question) throw new Error('no paper question to show the picture');
    await db
      .update(paperQuestion)
      .set({
        content: {
          ...question.content,
          stem: `${question.content.stem} ![图](image:${flImageId})`,
        },
      })
      .where(eq(paperQuestion.id, paperQuestionId));
  }
  return { flImageId, csImageId: await imageOf(test, rows.schoolId, rows.csCollegeId) };
}
