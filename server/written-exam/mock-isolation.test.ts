import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptProgress } from '../../shared/api/attempt-progress.js';
import type { MarkingOverview, MyWrittenResult, WrittenResults } from '../../shared/api/marking.js';
import type { MockAttemptDetail } from '../../shared/api/mock-attempt.js';
import type { AttemptView } from '../../shared/api/written-exam.js';
import { AuditLog } from '../audit/audit-log.js';
import { attempt } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { mockExamOf, questionOfType, refusal, startedMock } from './mock-test-helpers.js';
import { writtenExamServices } from './routes.js';
import { checkedInWrittenCandidate, writtenExam } from './written-test-helpers.js';

// Mock attempts never mix with the formal one (issue 14 §2): the mock closes when the formal
// attempt starts, and staff progress, marking and results read formal attempts only.

const MINUTE = 60_000;

describe('mock attempts beside the formal one', () => {
  let test: TestApp;
  let startsAt: Date;
  let examId: string;
  let sessionId: string;
  let admin: TestClient;
  let wang: { client: TestClient; registrationId: string; mock: ReturnType<typeof mockExamOf> };
  let li: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let liMock: ReturnType<typeof mockExamOf>;
  /** 王五's mocks: one submitted with an essay, one left open (its deadline at 20 minutes). */
  let wangDone: MockAttemptDetail;
  let wangOpen: MockAttemptDetail;
  let liMockOpen: MockAttemptDetail;
  let liFormal: AttemptView;

  const at = (minutes: number, seconds = 0) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE + seconds * 1000));
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    ({ startsAt, examId, sessionId } = await writtenExam(test.database.db));
    at(-100);
    const wangClient = await loginCandidate(test, 'WRT2026', 'WRT2026002');
    const wangRegistration = await registrationIdOf(wangClient, 'WRT2026002');
    wang = {
      client: wangClient,
      registrationId: wangRegistration,
      mock: mockExamOf(wangClient, wangRegistration),
    };
    wangDone = await startedMock(wang.mock);
    const essay = questionOfType(wangDone, 'essay').paperQuestionId;
    const id = wangDone.attempt.attemptId;
    expect(
      (await wang.mock.save(id, essay, { type: 'essay', text: '模拟作文' }, 1)).statusCode,
    ).toBe(200);
    expect((await wang.mock.submit(id)).statusCode).toBe(200);
    wangOpen = await startedMock(wang.mock);

    at(5);
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
    liMock = mockExamOf(li.client, li.registrationId);
    // In the session, before the formal attempt: the mock is still open.
    liMockOpen = await startedMock(liMock);
    const formal = await li.client.post(`/api/me/registrations/${li.registrationId}/attempt/start`);
    expect(formal.statusCode).toBe(200);
    liFormal = formal.json<AttemptView>();
    admin = await loginStaff(test, 'admin');
  });
  afterAll(() => test.close());

  it('closes 开始模拟 once the formal attempt started, and lets the open one finish', async () => {
    expect(refusal(await liMock.start())).toEqual({ status: 409, code: 'MOCK_EXAM_CLOSED' });
    expect((await liMock.list()).closedReason).toBe('formal_started');
    const entry = await li.client.post(`/api/me/registrations/${li.registrationId}/mock-entries`);
    expect(refusal(entry)).toEqual({ status: 409, code: 'MOCK_EXAM_CLOSED' });
    // The formal attempt was not touched by the mock started before it.
    expect(liFormal.attemptId).not.toBe(liMockOpen.attempt.attemptId);
    expect(liFormal.title).toBe('2026年成人学位英语考试');
    const submitted = await liMock.submit(liMockOpen.attempt.attemptId);
    expect(submitted.json<MockAttemptDetail>().attempt.state).toBe('submitted');
    const mine = await li.client.get(`/api/me/registrations/${li.registrationId}/attempt`);
    expect(mine.json<{ attempt: AttemptView }>().attempt).toMatchObject({
      attemptId: liFormal.attemptId,
      state: 'in_progress',
    });
  });

  it("answers NOT_FOUND for another candidate's mock attempt, or a formal one", async () => {
    const liAttempt = liMockOpen.attempt.attemptId;
    const single = questionOfType(liMockOpen, 'single_choice').paperQuestionId;
    const answer = { type: 'single_choice', optionId: 'A' } as const;
    // 王五 naming 李四's registration, or his own with 李四's attempt.
    const foreign = mockExamOf(wang.client, li.registrationId);
    for (const response of [
      await wang.client.get(`/api/me/registrations/${li.registrationId}/mock-attempts`),
      await foreign.get(liAttempt),
      await foreign.save(liAttempt, single, answer, 9),
      await foreign.submit(liAttempt),
      await foreign.start(),
      await wang.mock.get(liAttempt),
      await wang.mock.save(liAttempt, single, answer, 9),
      await wang.mock.submit(liAttempt),
      // The formal attempt is no mock attempt.
      await liMock.get(liFormal.attemptId),
    ]) {
      expect(refusal(response)).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
  });

  it('leaves mock attempts out of the staff progress view', async () => {
    const response = await admin.get(`/api/sessions/${sessionId}/attempts`);
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: AttemptProgress[] }>().items;
    expect(items.find((item) => item.registrationId === wang.registrationId)).toMatchObject({
      state: 'not_started',
      startedAt: null,
      answeredCount: 0,
    });
    expect(items.find((item) => item.registrationId === li.registrationId)).toMatchObject({
      state: 'in_progress',
      startedAt: liFormal.startedAt,
    });
  });

  it('leaves mock attempts out of marking', async () => {
    const overview = (
      await admin.get(`/api/admin/exams/${examId}/marking`)
    ).json<MarkingOverview>();
    // 李四's formal attempt only: 王五's open mock is not "still being written".
    expect(overview.inProgressCount).toBe(1);
    expect(overview.questions.every((question) => question.submittedCount === 0)).toBe(true);
    const mockEssay = questionOfType(wangDone, 'essay').paperQuestionId;
    expect(overview.questions.map((q) => q.paperQuestionId)).not.toContain(mockEssay);
    const markMock = await admin.put(
      `/api/admin/exams/${examId}/marking/questions/${mockEssay}/answers/${wangDone.attempt.attemptId}`,
      { points: 5, comment: '' },
    );
    expect(markMock.statusCode).toBe(404);
  });

  it('leaves mock attempts out of results', async () => {
    const results = (
      await admin.get(`/api/admin/exams/${examId}/written-results`)
    ).json<WrittenResults>();
    expect(results.items.find((row) => row.registrationId === wang.registrationId)).toMatchObject({
      state: 'absent',
      objectivePoints: null,
    });
    expect(results.questions.every((question) => question.count === 0)).toBe(true);
    const mine = await wang.client.get(
      `/api/me/registrations/${wang.registrationId}/written-result`,
    );
    expect(mine.json<MyWrittenResult>()).toEqual({ published: false });
  });

  it('audits each mock start and 交卷 like the formal ones', async () => {
    const entries = await auditEntries(admin, 'mock_attempt');
    const of = (registrationId: string, action: string) =>
      entries.filter((e) => e.targetId === registrationId && e.action === action).length;
    expect(of(wang.registrationId, 'mock_attempt.started')).toBe(2);
    expect(of(wang.registrationId, 'mock_attempt.submitted')).toBe(1);
    expect(of(li.registrationId, 'mock_attempt.started')).toBe(1);
    expect(of(li.registrationId, 'mock_attempt.submitted')).toBe(1);
    expect(entries[0]?.detail).toContain('模拟考试');
  });

  it('sweeps a due mock attempt at its deadline beside a due formal one, each by its rules', async () => {
    at(20, 31);
    // 李四's answering page is open (its socket writes its presence): idle, not away.
    await test.database.db
      .update(attempt)
      .set({ lastSeenAt: test.clock.now() })
      .where(eq(attempt.id, liFormal.attemptId));
    const sweep = writtenExamServices({
      db: test.database.db,
      clock: test.clock,
      audit: new AuditLog(test.database.db, test.clock),
    }).sweep;
    expect(await sweep.runOnce()).toBe(2);
    const rowOf = async (attemptId: string) =>
      (await test.database.db.select().from(attempt).where(eq(attempt.id, attemptId)))[0];
    expect(await rowOf(wangOpen.attempt.attemptId)).toMatchObject({
      kind: 'mock',
      state: 'submitted',
      submitReason: 'deadline',
      submittedAt: new Date(startsAt.getTime() + 20 * MINUTE),
    });
    // The formal attempt by its own rule: 10 minutes without an action, from its start at 5.
    expect(await rowOf(liFormal.attemptId)).toMatchObject({
      kind: 'formal',
      state: 'submitted',
      submitReason: 'inactivity',
      submittedAt: new Date(startsAt.getTime() + 15 * MINUTE),
    });
    expect(await sweep.runOnce()).toBe(0);
  });
});
