import { eq } from 'drizzle-orm';
import { tinyPng } from '../documents/test-files.js';
import { answerFile, attempt, paperQuestion } from '../db/schema/index.js';
import { saveStoredFile } from '../files/stored-files.js';
import type { TestApp } from '../test/test-app.js';
import { AttemptRepo } from '../written-exam/attempt-repo.js';
import { layoutOfPaper } from '../written-exam/attempt-view.js';

// The security world's answer photos (上传作答): 张三's registration is the interview's, so his
// photo sits in a submitted attempt at 外国语学院笔试's formal paper, put in directly (a college
// admin of 外国语学院 may view it); 李四's and 王五's sit in their mock attempts at WRT2026's.

async function photoIn(
  test: TestApp,
  schoolId: string,
  attemptId: string,
  paperQuestionId: string,
): Promise<string> {
  const { db } = test.database;
  const saved = await saveStoredFile(db, test.storage, {
    schoolId,
    purpose: 'answer-files',
    bytes: tinyPng(),
    mimeType: 'image/png',
  });
  const [row] = await db
    .insert(answerFile)
    .values({
      schoolId,
      attemptId,
      paperQuestionId,
      fileId: saved.id,
      uploadedVia: 'pc',
      displayName: 'matrix.png',
      sizeBytes: tinyPng().length,
      createdAt: test.clock.now(),
    })
    .returning({ id: answerFile.id });
  if (!row) throw new Error('no answer photo for the security world');
  return row.id;
}

/** A photo of `attemptId`'s first question (a mock attempt of the world). */
async function photoInAttempt(test: TestApp, schoolId: string, attemptId: string) {
  const [row] = await test.database.db
    .select({ layout: attempt.layout })
    .from(attempt)
    .where(eq(attempt.id, attemptId));
  const first = row?.layout.questions[0]?.paperQuestionId;
  if (!first) throw new Error('no question in the mock attempt');
  return photoIn(test, schoolId, attemptId, first);
}

/** The answer photos of 张三 (in a college admin's reach), 李四 and 王五 (WRT2026, out of it). */
export async function answerFileRows(
  test: TestApp,
  rows: {
    schoolId: string;
    flPaperQuestionId: string;
    zhang: { registrationId: string; sessionId: string };
    liMockAttemptId: string;
    wangMockAttemptId: string;
  },
) {
  const { db } = test.database;
  const [question] = await db
    .select({ paperId: paperQuestion.paperId })
    .from(paperQuestion)
    .where(eq(paperQuestion.id, rows.flPaperQuestionId));
  const content = question ? await new AttemptRepo(db).paperContent(question.paperId) : null;
  if (!question || !content) throw new Error('no 外国语学院笔试 paper for answer photos');
  const now = test.clock.now();
  const [zhangAttempt] = await db
    .insert(attempt)
    .values({
      schoolId: rows.schoolId,
      sessionId: rows.zhang.sessionId,
      registrationId: rows.zhang.registrationId,
      paperId: question.paperId,
      kind: 'formal',
      state: 'submitted',
      shuffleSeed: 1,
      layout: layoutOfPaper(content, 1),
      startedAt: now,
      lastActivityAt: now,
      deadlineAt: now,
      submittedAt: now,
      submitReason: 'manual',
    })
    .returning({ id: attempt.id });
  if (!zhangAttempt) throw new Error('no attempt for answer photos');
  return {
    zhangAnswerFileId: await photoIn(test, rows.schoolId, zhangAttempt.id, rows.flPaperQuestionId),
    liAnswerFileId: await photoInAttempt(test, rows.schoolId, rows.liMockAttemptId),
    wangAnswerFileId: await photoInAttempt(test, rows.schoolId, rows.wangMockAttemptId),
  };
}
