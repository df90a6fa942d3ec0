import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, MyAttempt } from '../../shared/api/written-exam.js';
import type { ErrorBody } from '../../shared/errors.js';
import type { Answer } from '../../shared/questions/answer-schema.js';
import { storedSeqOfIssues } from '../../shared/written-exam-errors.js';
import { attempt, paper } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  setWrittenRules,
  writtenExam,
} from './written-test-helpers.js';

// The written exam through its routes (issue 14 §3, §5, §7): the demo's 120-minute degree-English
// exam, 交卷 from 30 minutes on, on the server's hand-moved clock.

const MINUTE = 60_000;

describe('the written exam attempt, through the routes', () => {
  let test: TestApp;
  let startsAt: Date;
  let li: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let questionIds: string[];

  const url = (registrationId: string, path = '') =>
    `/api/me/registrations/${registrationId}/attempt${path}`;
  const refusal = (response: { statusCode: number; json: () => unknown }) => ({
    status: response.statusCode,
    code: (response.json() as { error?: { code: string } }).error?.code,
  });
  const storedSeqOf = (response: { json: () => unknown }) =>
    storedSeqOfIssues((response.json() as ErrorBody).error.issues ?? []);
  const save = (
    client: TestClient,
    registrationId: string,
    id: string,
    answer: Answer,
    seq: number,
  ) => client.put(url(registrationId, `/answers/${id}`), { answer, seq });
  const at = (minutes: number, seconds = 0) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE + seconds * 1000));
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    // 交卷 without the demo's face check: submit-face.test.ts covers it.
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    ({ startsAt } = await writtenExam(test.database.db));
    at(5);
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
  });
  afterAll(() => test.close());

  it('says the paper is missing rather than opening an empty exam', async () => {
    // The demo comes with its paper; an exam an admin has not given one yet has none.
    const { examId } = await writtenExam(test.database.db);
    await test.database.db.delete(paper).where(eq(paper.examId, examId));
    const mine = (await li.client.get(url(li.registrationId))).json<MyAttempt>();
    expect(mine).toMatchObject({
      hasPaper: false,
      attempt: null,
      opensAt: startsAt.toISOString(),
      // The demo's exam asks for the whole screen (seed 004): the page opens the share first.
      screenShareRequired: true,
    });
    expect(refusal(await li.client.post(url(li.registrationId, '/start')))).toEqual({
      status: 409,
      code: 'PAPER_MISSING',
    });
  });

  it('starts once, freezes the paper, and shows no answer key', async () => {
    const seeded = await seedWrittenPaper(test.database.db);
    questionIds = seeded.ids;
    const started = await li.client.post(url(li.registrationId, '/start'));
    expect(started.statusCode).toBe(200);
    const view = started.json<AttemptView>();
    expect(view).toMatchObject({
      state: 'in_progress',
      title: '学位英语（样卷）',
      deadline: new Date(startsAt.getTime() + 120 * MINUTE).toISOString(),
      submitOpensAt: new Date(startsAt.getTime() + 30 * MINUTE).toISOString(),
      inactivitySubmitAt: new Date(startsAt.getTime() + 15 * MINUTE).toISOString(),
      answers: [],
    });
    expect(view.sections.map((section) => section.questions.map((q) => q.number))).toEqual([
      [1, 2, 3],
      [4],
    ]);
    const text = started.body;
    for (const secret of ['"correct"', '"accepted"', 'SECRET-REFERENCE']) {
      expect(text).not.toContain(secret);
    }
    const again = (await li.client.post(url(li.registrationId, '/start'))).json<AttemptView>();
    expect(again.attemptId).toBe(view.attemptId);
    const [frozen] = await test.database.db
      .select({ frozenAt: paper.frozenAt })
      .from(paper)
      .where(eq(paper.id, seeded.paperId));
    expect(frozen?.frozenAt).toEqual(new Date(startsAt.getTime() + 5 * MINUTE));
  });

  it('saves newer answers only, and refuses misfits with their own codes', async () => {
    const [single, multiple, blank, essay] = questionIds as [string, string, string, string];
    const id = li.registrationId;
    const ok = await save(li.client, id, single, { type: 'single_choice', optionId: 'A' }, 1);
    expect([ok.statusCode, ok.json()]).toEqual([200, { seq: 1, late: false }]);
    expect(
      (await save(li.client, id, single, { type: 'single_choice', optionId: 'B' }, 2)).statusCode,
    ).toBe(200);
    const replay = await save(li.client, id, single, { type: 'single_choice', optionId: 'A' }, 1);
    expect(refusal(replay)).toEqual({ status: 409, code: 'ANSWER_SEQ_STALE' });
    // The stored seq comes with it: higher than the one sent, another device saved since.
    expect(storedSeqOf(replay)).toBe(2);
    const sameSeq = await save(li.client, id, single, { type: 'single_choice', optionId: 'B' }, 2);
    expect([refusal(sameSeq), storedSeqOf(sameSeq)]).toEqual([
      { status: 409, code: 'ANSWER_SEQ_STALE' },
      2,
    ]);
    expect(
      refusal(await save(li.client, id, single, { type: 'single_choice', optionId: 'Z' }, 3)),
    ).toEqual({ status: 400, code: 'CHOICE_NOT_IN_QUESTION' });
    expect(
      refusal(await save(li.client, id, single, { type: 'true_false', value: true }, 4)),
    ).toEqual({
      status: 400,
      code: 'ANSWER_TYPE_MISMATCH',
    });
    expect(
      refusal(await save(li.client, id, essay, { type: 'essay', text: '很'.repeat(201) }, 1)),
    ).toEqual({ status: 400, code: 'ANSWER_TOO_LONG' });
    expect(
      refusal(
        await save(
          li.client,
          id,
          '00000000-0000-4000-8000-000000000000',
          { type: 'essay', text: '' },
          1,
        ),
      ),
    ).toEqual({ status: 404, code: 'QUESTION_NOT_IN_ATTEMPT' });
    await save(li.client, id, multiple, { type: 'multiple_choice', optionIds: ['A'] }, 1);
    await save(li.client, id, blank, { type: 'fill_blank', blanks: [' SINCE '] }, 1);
    await save(li.client, id, essay, { type: 'essay', text: 'My home town is by a lake.' }, 1);

    const mine = (await li.client.get(url(id))).json<MyAttempt>();
    expect(mine.attempt?.answers).toHaveLength(4);
    expect(mine.attempt?.answers.find((a) => a.paperQuestionId === single)).toEqual({
      paperQuestionId: single,
      answer: { type: 'single_choice', optionId: 'B' },
      seq: 2,
    });
  });

  it("lets no other candidate read or write this candidate's attempt", async () => {
    const wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    const [single] = questionIds as [string];
    expect(refusal(await wang.client.get(url(li.registrationId)))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    const write = await save(
      wang.client,
      li.registrationId,
      single,
      { type: 'single_choice', optionId: 'A' },
      99,
    );
    expect(refusal(write)).toEqual({ status: 404, code: 'NOT_FOUND' });
    const mine = (await li.client.get(url(li.registrationId))).json<MyAttempt>();
    expect(mine.attempt?.answers.find((a) => a.paperQuestionId === single)?.seq).toBe(2);
  });

  it('refuses 交卷 before 30 minutes, then submits with the objective points, and closes', async () => {
    at(29, 59);
    expect(refusal(await li.client.post(url(li.registrationId, '/submit')))).toEqual({
      status: 409,
      code: 'SUBMIT_TOO_EARLY',
    });
    at(31);
    const submitted = await li.client.post(url(li.registrationId, '/submit'));
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<AttemptView>()).toMatchObject({
      state: 'submitted',
      submitReason: 'manual',
      submittedAt: new Date(startsAt.getTime() + 31 * MINUTE).toISOString(),
    });
    // B right (2), one of the two primes (3 × ½), ' SINCE ' as since (2); the essay waits.
    const [row] = await test.database.db
      .select({ points: attempt.objectivePoints })
      .from(attempt)
      .where(eq(attempt.registrationId, li.registrationId));
    expect(row?.points).toBe(5.5);
    const [single] = questionIds as [string];
    const late = await save(
      li.client,
      li.registrationId,
      single,
      { type: 'single_choice', optionId: 'A' },
      50,
    );
    expect(refusal(late)).toEqual({ status: 409, code: 'ATTEMPT_CLOSED' });
  });

  it('takes an answer held up past the deadline within the grace, marked late, and none after', async () => {
    const wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    at(40);
    expect((await wang.client.post(url(wang.registrationId, '/start'))).statusCode).toBe(200);
    const [single] = questionIds as [string];
    at(120, 10);
    const late = await save(
      wang.client,
      wang.registrationId,
      single,
      { type: 'single_choice', optionId: 'B' },
      1,
    );
    expect([late.statusCode, late.json()]).toEqual([200, { seq: 1, late: true }]);
    at(120, 31);
    const tooLate = await save(
      wang.client,
      wang.registrationId,
      single,
      { type: 'single_choice', optionId: 'A' },
      2,
    );
    expect(refusal(tooLate)).toEqual({ status: 409, code: 'ATTEMPT_CLOSED' });
  });
});
