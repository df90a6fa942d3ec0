import { and, eq, max } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ExamRules } from '../../shared/api/exams.js';
import { confirmForCheckIn } from '../check-in/check-in-test-helpers.js';
import type { Database } from '../db/client.js';
import { AuditLog } from '../audit/audit-log.js';
import { attempt, exam, examSession, paper } from '../db/schema/index.js';
import { passCheckIn } from '../interviews/interview-test-helpers.js';
import type { LivePhone } from '../phone/phone-test-helpers.js';
import { loginCandidate, registrationIdOf } from '../test/demo-logins.js';
import type { TestApp, TestClient } from '../test/test-app.js';
import { insertPaper } from './paper-writer.js';
import { writtenExamServices } from './routes.js';
import { SAMPLE_QUESTIONS } from './sample-questions.js';

const MINUTE = 60_000;

/** The demo's written exam (2026年成人学位外语在线考试) and its session's times. */
export async function writtenExam(db: Database) {
  const [row] = await db
    .select({
      examId: exam.id,
      schoolId: exam.schoolId,
      sessionId: examSession.id,
      startsAt: examSession.startsAt,
      endsAt: examSession.endsAt,
    })
    .from(exam)
    .innerJoin(examSession, eq(examSession.examId, exam.id))
    .where(eq(exam.code, 'WRT2026'));
  if (!row) throw new Error('the demo has no WRT2026');
  return row;
}

/**
 * Moves the demo's written session (in progress after a fresh seed) to start `hours` from the
 * clock's now, for two hours: tests of what happens before a written exam opens.
 */
export async function postponeWrittenSession(test: TestApp, hours: number): Promise<void> {
  const startsAt = new Date(test.clock.now().getTime() + hours * 3600_000);
  const endsAt = new Date(startsAt.getTime() + 2 * 3600_000);
  const { examId } = await writtenExam(test.database.db);
  await test.database.db
    .update(examSession)
    .set({ startsAt, endsAt })
    .where(eq(examSession.examId, examId));
}

/** Changes some of the demo written exam's rules (test helper), e.g. no face check at 交卷. */
export async function setWrittenRules(test: TestApp, rules: Partial<ExamRules>): Promise<void> {
  const { examId } = await writtenExam(test.database.db);
  const [row] = await test.database.db
    .select({ rules: exam.rules })
    .from(exam)
    .where(eq(exam.id, examId));
  if (!row) throw new Error('no WRT2026');
  await test.database.db
    .update(exam)
    .set({ rules: { ...row.rules, ...rules } })
    .where(eq(exam.id, examId));
}

/**
 * A formal paper for the demo's written exam, newer than the demo's own, so attempts started
 * after it sit these four questions. Answers its id and the questions' ids in paper order.
 */
export async function seedWrittenPaper(db: Database): Promise<{ paperId: string; ids: string[] }> {
  const { examId, schoolId } = await writtenExam(db);
  const [latest] = await db
    .select({ version: max(paper.version) })
    .from(paper)
    .where(and(eq(paper.examId, examId), eq(paper.kind, 'formal')));
  const sections = [1, 2].map((number) => ({
    title: number === 1 ? '一、选择与填空' : '二、写作',
    instructions: number === 1 ? '每题只有一个最佳答案' : '',
    questions: SAMPLE_QUESTIONS.filter((question) => question.section === number),
  }));
  const { paperId, questionIds } = await insertPaper(db, {
    schoolId,
    examId,
    kind: 'formal',
    version: (latest?.version ?? 0) + 1,
    title: '学位英语（样卷）',
    sections,
  });
  return { paperId, ids: questionIds };
}

/** A WRT2026 candidate logged in, confirmed and through every check-in step (test helper). */
export async function checkedInWrittenCandidate(
  test: TestApp,
  admissionNumber: string,
): Promise<{ client: TestClient; registrationId: string; phone: LivePhone }> {
  const client = await loginCandidate(test, 'WRT2026', admissionNumber);
  const registrationId = await registrationIdOf(client, admissionNumber);
  await confirmForCheckIn(client, registrationId);
  const phone = await passCheckIn(test, { client, registrationId });
  expect(phone).toBeDefined();
  return { client, registrationId, phone };
}

/**
 * What the clock and sweep tests share: a node of their own beside the app's (whose sweep runs on
 * no timer in tests), the test clock set to minutes after the session's start, an attempt read
 * back, and the page's presence written as its socket would (pc-attendance.ts).
 */
export function sweepKit(test: TestApp, startsAt: () => Date) {
  const db = test.database.db;
  const attemptOf = async (registrationId: string) => {
    const [row] = await db.select().from(attempt).where(eq(attempt.registrationId, registrationId));
    if (!row) throw new Error('no attempt');
    return row;
  };
  return {
    node: () => writtenExamServices({ db, clock: test.clock, audit: new AuditLog(db, test.clock) }),
    at: (minutes: number, seconds = 0) => {
      test.clock.set(new Date(startsAt().getTime() + minutes * MINUTE + seconds * 1000));
    },
    attemptOf,
    pageSeen: (registrationId: string) =>
      db
        .update(attempt)
        .set({ lastSeenAt: test.clock.now() })
        .where(eq(attempt.registrationId, registrationId)),
  };
}
