import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { QuestionContent } from '../../shared/questions/question-schema.js';
import { confirmForCheckIn } from '../check-in/check-in-test-helpers.js';
import type { Database } from '../db/client.js';
import { exam, examSession, paper, paperQuestion, paperSection } from '../db/schema/index.js';
import { passCheckIn } from '../interviews/interview-test-helpers.js';
import type { LivePhone } from '../phone/phone-test-helpers.js';
import { loginCandidate, registrationIdOf } from '../test/demo-logins.js';
import type { TestApp, TestClient } from '../test/test-app.js';

/** The demo's written exam (2026年成人学位外语在线考试) and its session's times. */
export async function writtenExam(db: Database) {
  const [row] = await db
    .select({
      examId: exam.id,
      schoolId: exam.schoolId,
      startsAt: examSession.startsAt,
      endsAt: examSession.endsAt,
    })
    .from(exam)
    .innerJoin(examSession, eq(examSession.examId, exam.id))
    .where(eq(exam.code, 'WRT2026'));
  if (!row) throw new Error('the demo has no WRT2026');
  return row;
}

/** Four questions, one of each kind the page treats differently, in two sections. */
export const SAMPLE_QUESTIONS: { section: number; points: number; content: QuestionContent }[] = [
  {
    section: 1,
    points: 2,
    content: {
      type: 'single_choice',
      stem: 'The word "ubiquitous" most nearly means ___.',
      options: [
        { id: 'A', text: 'rare' },
        { id: 'B', text: 'found everywhere' },
        { id: 'C', text: 'ancient' },
      ],
      correct: 'B',
    },
  },
  {
    section: 1,
    points: 3,
    content: {
      type: 'multiple_choice',
      stem: 'Which of these are prime numbers?',
      options: [
        { id: 'A', text: '2' },
        { id: 'B', text: '3' },
        { id: 'C', text: '4' },
      ],
      correct: ['A', 'B'],
      scoring: 'partial',
    },
  },
  {
    section: 1,
    points: 2,
    content: {
      type: 'fill_blank',
      stem: 'She has lived here ___ 2010.',
      blanks: [{ accepted: ['since'] }],
      matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
    },
  },
  {
    section: 2,
    points: 15,
    content: {
      type: 'essay',
      stem: 'Write about your home town (at most 200 characters).',
      maxLength: 200,
      referenceAnswer: 'SECRET-REFERENCE',
    },
  },
];

/** A formal paper for the demo's written exam (an admin's paper page comes later). */
export async function seedWrittenPaper(db: Database): Promise<{ paperId: string; ids: string[] }> {
  const { examId, schoolId } = await writtenExam(db);
  const [created] = await db
    .insert(paper)
    .values({ schoolId, examId, kind: 'formal', version: 1, title: '学位英语（样卷）' })
    .returning({ id: paper.id });
  if (!created) throw new Error('no paper');
  const sections = await db
    .insert(paperSection)
    .values([
      {
        paperId: created.id,
        position: 1,
        title: '一、选择与填空',
        instructions: '每题只有一个最佳答案',
      },
      { paperId: created.id, position: 2, title: '二、写作', instructions: '' },
    ])
    .returning({ id: paperSection.id, position: paperSection.position });
  const ids: string[] = [];
  for (const [index, question] of SAMPLE_QUESTIONS.entries()) {
    const section = sections.find((row) => row.position === question.section);
    if (!section) throw new Error('no section');
    const [row] = await db
      .insert(paperQuestion)
      .values({
        paperId: created.id,
        sectionId: section.id,
        position: index + 1,
        points: question.points,
        content: question.content,
      })
      .returning({ id: paperQuestion.id });
    if (!row) throw new Error('no question');
    ids.push(row.id);
  }
  return { paperId: created.id, ids };
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
