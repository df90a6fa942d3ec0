import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminExam } from '../../shared/api/exam-admin.js';
import type { MockAttemptDetail } from '../../shared/api/mock-attempt.js';
import type { ErrorBody } from '../../shared/errors.js';
import { storedSeqOfIssues } from '../../shared/written-exam-errors.js';
import { AuditLog } from '../audit/audit-log.js';
import { attempt, exam } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { mockExamOf, questionOfType, refusal, startedMock } from './mock-test-helpers.js';
import { writtenExamServices } from './routes.js';
import { writtenExam } from './written-test-helpers.js';

// 模拟考试 through its routes (issue 14 §2): the demo's 5-question mock paper of the 120-minute
// WRT2026, sat before its session starts, on the server's hand-moved clock.

const MINUTE = 60_000;
const UNKNOWN_QUESTION = '0e0e0e0e-0000-4000-8000-00000000abcd';

describe('mock attempts (模拟考试), through the routes', () => {
  let test: TestApp;
  let startsAt: Date;
  let mock: ReturnType<typeof mockExamOf>;
  let first: MockAttemptDetail;

  const at = (minutes: number, seconds = 0) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE + seconds * 1000));
  };
  const rowOf = async (attemptId: string) => {
    const [row] = await test.database.db.select().from(attempt).where(eq(attempt.id, attemptId));
    return row;
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    ({ startsAt } = await writtenExam(test.database.db));
    at(-120);
    const li = await loginCandidate(test, 'WRT2026', 'WRT2026001');
    mock = mockExamOf(li, await registrationIdOf(li, 'WRT2026001'));
  });
  afterAll(() => test.close());

  it('says plainly that an exam without a mock paper has none', async () => {
    const zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    const interview = mockExamOf(zhang, await registrationIdOf(zhang, 'INT2026001'));
    expect(await interview.list()).toMatchObject({ hasMockPaper: false, attempts: [] });
    expect(refusal(await interview.start())).toEqual({ status: 409, code: 'MOCK_PAPER_MISSING' });
  });

  it('starts before the session, timed from its own start, with no answer key', async () => {
    expect(await mock.list()).toMatchObject({
      hasMockPaper: true,
      closedReason: null,
      durationMinutes: 120,
      answersShown: true,
      attempts: [],
    });
    const response = await mock.start();
    expect(response.statusCode).toBe(200);
    first = response.json<MockAttemptDetail>();
    const now = test.clock.now();
    expect(first.attempt).toMatchObject({
      state: 'in_progress',
      title: '2026年成人学位英语考试（模拟卷）',
      startedAt: now.toISOString(),
      deadline: new Date(now.getTime() + 120 * MINUTE).toISOString(),
      submitOpensAt: now.toISOString(),
      inactivitySubmitAt: null,
      answers: [],
    });
    expect(first.result).toBeNull();
    expect(first.attempt.sections.flatMap((s) => s.questions.map((q) => q.number))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    for (const secret of ['"correct"', '"accepted"', 'referenceAnswer']) {
      expect(response.body).not.toContain(secret);
    }
    // One in progress at a time: 开始模拟 again continues it.
    expect((await startedMock(mock)).attempt.attemptId).toBe(first.attempt.attemptId);
  });

  it('saves answers like the formal attempt: newer seq only, misfits refused', async () => {
    const id = first.attempt.attemptId;
    const single = questionOfType(first, 'single_choice').paperQuestionId;
    const saved = await mock.save(id, single, { type: 'single_choice', optionId: 'A' }, 1);
    expect([saved.statusCode, saved.json()]).toEqual([200, { seq: 1, late: false }]);
    expect(
      (await mock.save(id, single, { type: 'single_choice', optionId: 'B' }, 2)).statusCode,
    ).toBe(200);
    const overtaken = await mock.save(id, single, { type: 'single_choice', optionId: 'A' }, 1);
    expect(refusal(overtaken)).toEqual({ status: 409, code: 'ANSWER_SEQ_STALE' });
    // With the seq stored, as the formal attempt's: the page fetches the newer answer.
    expect(storedSeqOfIssues(overtaken.json<ErrorBody>().error.issues ?? [])).toBe(2);
    expect(
      refusal(await mock.save(id, single, { type: 'single_choice', optionId: 'Z' }, 3)),
    ).toEqual({ status: 400, code: 'CHOICE_NOT_IN_QUESTION' });
    expect(
      refusal(await mock.save(id, UNKNOWN_QUESTION, { type: 'true_false', value: true }, 1)),
    ).toEqual({ status: 404, code: 'QUESTION_NOT_IN_ATTEMPT' });
    const answers: [Parameters<typeof questionOfType>[1], Parameters<typeof mock.save>[2]][] = [
      ['true_false', { type: 'true_false', value: false }],
      ['multiple_choice', { type: 'multiple_choice', optionIds: ['A'] }],
      ['fill_blank', { type: 'fill_blank', blanks: [' ARE '] }],
      ['essay', { type: 'essay', text: 'I am Li Si, 我来自杭州。' }],
    ];
    for (const [type, answer] of answers) {
      const response = await mock.save(id, questionOfType(first, type).paperQuestionId, answer, 1);
      expect(response.statusCode, type).toBe(200);
    }
  });

  it('hands in at any time and scores at once, with the correct answers', async () => {
    at(-119);
    const id = first.attempt.attemptId;
    const response = await mock.submit(id);
    expect(response.statusCode).toBe(200);
    const submitted = response.json<MockAttemptDetail>();
    expect(submitted.attempt).toMatchObject({
      state: 'submitted',
      submitReason: 'manual',
      submittedAt: test.clock.now().toISOString(),
    });
    const number = (type: Parameters<typeof questionOfType>[1]) =>
      questionOfType(first, type).number;
    // 2 (single, right) + 0 (true/false, wrong) + 2 of 4 (one of two months) + 2 (the blank,
    // case and spaces ignored); the essay is not scored.
    expect(submitted.result).toMatchObject({
      points: 6,
      maxPoints: 20,
      scoredMaxPoints: 10,
      answersShown: true,
    });
    const byNumber = new Map(submitted.result?.questions.map((q) => [q.number, q]));
    expect(byNumber.get(number('single_choice'))).toMatchObject({
      points: 2,
      verdict: 'correct',
      correct: { type: 'single_choice', optionId: 'B' },
    });
    expect(byNumber.get(number('true_false'))).toMatchObject({
      points: 0,
      verdict: 'wrong',
      correct: { type: 'true_false', value: true },
    });
    expect(byNumber.get(number('multiple_choice'))).toMatchObject({
      points: 2,
      verdict: 'partial',
      correct: { type: 'multiple_choice', optionIds: ['A', 'C'] },
    });
    expect(byNumber.get(number('fill_blank'))).toMatchObject({
      points: 2,
      verdict: 'correct',
      correct: { type: 'fill_blank', accepted: [['are']] },
    });
    expect(byNumber.get(number('essay'))).toMatchObject({
      maxPoints: 10,
      points: null,
      verdict: null,
    });
    const essay = questionOfType(first, 'essay').paperQuestionId;
    expect(refusal(await mock.save(id, essay, { type: 'essay', text: '改了' }, 2))).toEqual({
      status: 409,
      code: 'ATTEMPT_CLOSED',
    });
    expect((await mock.submit(id)).json<MockAttemptDetail>().result?.points).toBe(6);
    expect((await mock.list()).attempts).toEqual([
      expect.objectContaining({ attemptId: id, state: 'submitted', points: 6, maxPoints: 20 }),
    ]);
  });

  it('hides the correct answers where the exam says so; an exam stored before the rule shows them', async () => {
    const { examId } = await writtenExam(test.database.db);
    const [row] = await test.database.db
      .select({ rules: exam.rules })
      .from(exam)
      .where(eq(exam.id, examId));
    if (!row) throw new Error('no exam');
    const setRules = (rules: object) =>
      test.database.db
        .update(exam)
        .set({ rules: rules as typeof row.rules })
        .where(eq(exam.id, examId));
    const result = async () =>
      (await mock.get(first.attempt.attemptId)).json<MockAttemptDetail>().result;

    await setRules({ ...row.rules, mockAnswersShown: false });
    const hidden = await result();
    expect(hidden).toMatchObject({ points: 6, answersShown: false });
    expect(hidden?.questions.map((q) => q.correct)).toEqual([null, null, null, null, null]);
    expect(hidden?.questions.map((q) => q.verdict)).toContain('correct');
    expect((await mock.list()).answersShown).toBe(false);

    const before: Record<string, unknown> = { ...row.rules };
    delete before.mockAnswersShown;
    await setRules(before);
    expect((await result())?.answersShown).toBe(true);
    const admin = await loginStaff(test, 'admin');
    const exams = await admin.get('/api/admin/exams');
    expect(exams.statusCode).toBe(200);
    const items = exams.json<{ items: AdminExam[] }>().items;
    expect(items.find((item) => item.id === examId)?.rules.mockAnswersShown).toBe(true);
  });

  it('starts again as often as wanted; one left open ends at its deadline, scored', async () => {
    at(-100);
    const second = await startedMock(mock);
    expect(second.attempt.attemptId).not.toBe(first.attempt.attemptId);
    const single = questionOfType(second, 'single_choice').paperQuestionId;
    await mock.save(second.attempt.attemptId, single, { type: 'single_choice', optionId: 'B' }, 1);
    const deadline = new Date(test.clock.now().getTime() + 120 * MINUTE);

    // After the session's start too: the mock is open until the formal attempt starts.
    at(20, 29);
    const sweep = writtenExamServices({
      db: test.database.db,
      clock: test.clock,
      audit: new AuditLog(test.database.db, test.clock),
    }).sweep;
    expect(await sweep.runOnce()).toBe(0);
    at(20, 31);
    expect(await sweep.runOnce()).toBe(1);
    expect(await rowOf(second.attempt.attemptId)).toMatchObject({
      state: 'submitted',
      submitReason: 'deadline',
      submittedAt: deadline,
      objectivePoints: 2,
    });

    // Without the sweep, reading it after its time submits it too.
    const third = await startedMock(mock);
    at(142);
    const read = (await mock.get(third.attempt.attemptId)).json<MockAttemptDetail>();
    expect(read.attempt).toMatchObject({ state: 'submitted', submitReason: 'deadline' });
    expect(read.result?.points).toBe(0);
    const list = await mock.list();
    expect(list.attempts.map((a) => a.attemptId)).toEqual([
      third.attempt.attemptId,
      second.attempt.attemptId,
      first.attempt.attemptId,
    ]);
    expect(list.attempts.map((a) => a.points)).toEqual([0, 2, 6]);
  });
});
