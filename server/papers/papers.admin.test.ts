import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminPaper, PaperBody } from '../../shared/api/papers.js';
import type { MockAttemptDetail } from '../../shared/api/mock-attempt.js';
import type { AttemptView } from '../../shared/api/written-exam.js';
import { bankQuestion, exam } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { mockExamOf, startedMock } from '../written-exam/mock-test-helpers.js';
import { checkedInWrittenCandidate, writtenExam } from '../written-exam/written-test-helpers.js';

// 试卷 for admins (issue 14 §2): the demo's degree-English paper read back with its keys, saved
// again from the bank, guarded against a stale edit, and versioned once attempts sit it.

describe('papers, for admins', () => {
  let test: TestApp;
  let admin: TestClient;
  let examId: string;
  let keys: Map<string, string>;

  const url = (kind = 'formal', id = examId) => `/api/admin/exams/${id}/papers/${kind}`;
  const code = (response: { json: () => unknown }) =>
    (response.json() as { error?: { code: string } }).error?.code;
  const body = (baseVersion: number | null, ...externalKeys: string[]): PaperBody => ({
    title: '学位英语（第二套）',
    passMark: 6,
    baseVersion,
    sections: [
      {
        title: 'Part I',
        instructions: '选出最佳答案',
        questions: externalKeys.map((key, index) => ({
          bankQuestionId: keys.get(key) ?? key,
          ...(index === 0 ? { points: 5 } : {}),
        })),
      },
    ],
  });

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await loginStaff(test, 'admin');
    ({ examId } = await writtenExam(test.database.db));
    const rows = await test.database.db
      .select({ id: bankQuestion.id, key: bankQuestion.externalKey })
      .from(bankQuestion)
      .where(inArray(bankQuestion.externalKey, ['WRT-V01', 'WRT-V02', 'WRT-R05', 'WRT-W01']));
    keys = new Map(rows.map((row) => [row.key ?? '', row.id]));
  });
  afterAll(() => test.close());

  it("shows the demo's paper with its answer keys and totals", async () => {
    const response = await admin.get(url());
    expect(response.statusCode).toBe(200);
    const { paper } = response.json<{ paper: AdminPaper }>();
    expect(paper).toMatchObject({
      version: 1,
      totalPoints: 100,
      passMark: 60,
      frozenAt: null,
      attemptCount: 0,
    });
    const first = paper.sections[0]?.questions[0];
    expect(first?.content).toMatchObject({ type: 'single_choice', correct: 'A' });
    const reading = paper.sections[1]?.questions.map((q) => q.passage?.title);
    expect(reading).toEqual(Array(6).fill('Passage One: The Night Library'));
    expect((await admin.get(url('mock'))).json<{ paper: AdminPaper }>().paper.version).toBe(1);
  });

  it('counts practice on the mock paper, whose save then makes a new version they keep', async () => {
    const mockPaper = async () =>
      (await admin.get(url('mock'))).json<{ paper: AdminPaper }>().paper;
    const before = await mockPaper();
    expect(before).toMatchObject({ version: 1, frozenAt: null, attemptCount: 0 });
    const li = await loginCandidate(test, 'WRT2026', 'WRT2026001');
    const mock = mockExamOf(li, await registrationIdOf(li, 'WRT2026001'));
    const practice = await startedMock(mock);
    expect((await mock.submit(practice.attempt.attemptId)).statusCode).toBe(200);
    // The mock paper is never frozen: the count is what tells the editor it was practised on.
    expect(await mockPaper()).toMatchObject({ version: 1, frozenAt: null, attemptCount: 1 });

    const saved = await admin.put(url('mock'), { ...body(1, 'WRT-V01'), title: '新模拟卷' });
    expect(saved.json<{ paper: AdminPaper }>().paper).toMatchObject({
      version: 2,
      title: '新模拟卷',
      attemptCount: 0,
    });
    const kept = (await mock.get(practice.attempt.attemptId)).json<MockAttemptDetail>();
    expect(kept.attempt.title).toBe(before.title);
    expect(kept.attempt.sections.flatMap((s) => s.questions)).toHaveLength(
      before.sections.flatMap((s) => s.questions).length,
    );
    const next = await startedMock(mock);
    expect(next.attempt.title).toBe('新模拟卷');
    expect((await mock.submit(next.attempt.attemptId)).statusCode).toBe(200);
  });

  it('replaces a paper nobody sits yet, and refuses an edit of a version that is gone', async () => {
    const saved = await admin.put(url(), body(1, 'WRT-V01', 'WRT-R05', 'WRT-W01'));
    expect(saved.statusCode).toBe(200);
    const { paper } = saved.json<{ paper: AdminPaper }>();
    expect(paper).toMatchObject({
      version: 1,
      title: '学位英语（第二套）',
      totalPoints: 5 + 2 + 30,
    });
    // The reading question brings its passage along.
    expect(paper.sections[0]?.questions[1]?.passage?.title).toBe('Passage One: The Night Library');
    expect(code(await admin.put(url(), body(null, 'WRT-V01')))).toBe('PAPER_VERSION_CONFLICT');
    expect(code(await admin.put(url(), body(2, 'WRT-V01')))).toBe('PAPER_VERSION_CONFLICT');
  });

  it('makes the next version once an attempt sits the paper; the attempt keeps its own', async () => {
    const li = await checkedInWrittenCandidate(test, 'WRT2026001');
    const started = await li.client.post(
      `/api/me/registrations/${li.registrationId}/attempt/start`,
    );
    expect(started.json<AttemptView>().title).toBe('学位英语（第二套）');
    const frozen = (await admin.get(url())).json<{ paper: AdminPaper }>().paper;
    expect(frozen.frozenAt).not.toBeNull();
    expect(frozen.attemptCount).toBe(1);

    const next = await admin.put(url(), { ...body(1, 'WRT-V02'), title: '学位英语（第三套）' });
    expect(next.json<{ paper: AdminPaper }>().paper).toMatchObject({ version: 2, frozenAt: null });
    const again = await li.client.get(`/api/me/registrations/${li.registrationId}/attempt`);
    const view = again.json<{ attempt: AttemptView }>().attempt;
    expect(view.title).toBe('学位英语（第二套）');
    expect(view.sections.flatMap((s) => s.questions)).toHaveLength(3);
  });

  it('refuses unknown questions, twice the same one, interviews, and other admins', async () => {
    const unknown = await admin.put(url(), body(2, '00000000-0000-4000-8000-000000000000'));
    expect([unknown.statusCode, code(unknown)]).toEqual([400, 'PAPER_QUESTION_UNKNOWN']);
    const twice = await admin.put(url(), body(2, 'WRT-V01', 'WRT-V01'));
    expect([twice.statusCode, code(twice)]).toEqual([400, 'VALIDATION_FAILED']);

    const [interview] = await test.database.db
      .select({ id: exam.id })
      .from(exam)
      .where(eq(exam.code, 'INT2026'));
    expect(code(await admin.get(url('formal', interview?.id)))).toBe('EXAM_NOT_WRITTEN');
    // WRT2026 belongs to no college: a college admin does not manage it.
    const collegeAdmin = await loginStaff(test, 'fl_admin');
    expect((await collegeAdmin.get(url())).statusCode).toBe(404);
    const examiner = await loginStaff(test, 'panel1');
    expect((await examiner.put(url(), body(2, 'WRT-V01'))).statusCode).toBe(403);
    // Nothing of that reached the paper.
    expect((await admin.get(url())).json<{ paper: AdminPaper }>().paper.title).toBe(
      '学位英语（第三套）',
    );
  });

  it("draws the asked number of a section's questions for each candidate, worth the same", async () => {
    const pool = ['WRT-V01', 'WRT-V02', 'WRT-R05', 'WRT-W01'];
    const drawing = (drawCount: number, points: (index: number) => number): PaperBody => ({
      ...body(2),
      sections: [
        {
          title: '随机抽题',
          instructions: '',
          drawCount,
          questions: pool.map((key, index) => ({
            bankQuestionId: keys.get(key) ?? key,
            points: points(index),
          })),
        },
      ],
    });
    const unequal = await admin.put(
      url(),
      drawing(2, (index) => (index === 0 ? 5 : 2)),
    );
    expect([unequal.statusCode, code(unequal)]).toEqual([400, 'PAPER_DRAW_POINTS_UNEQUAL']);
    const overPool = await admin.put(
      url(),
      drawing(5, () => 2),
    );
    expect(JSON.stringify(overPool.json())).toContain('DRAW_COUNT_OVER_POOL');

    const saved = await admin.put(
      url(),
      drawing(2, () => 2),
    );
    const { paper } = saved.json<{ paper: AdminPaper }>();
    expect(paper).toMatchObject({ version: 2, totalPoints: 4 });
    expect(paper.sections[0]).toMatchObject({ drawCount: 2, points: 4 });
    expect(paper.sections[0]?.questions).toHaveLength(4);

    const wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    const started = await wang.client.post(
      `/api/me/registrations/${wang.registrationId}/attempt/start`,
    );
    const drawn = started.json<AttemptView>().sections.flatMap((s) => s.questions);
    expect(drawn).toHaveLength(2);
    const poolIds = new Set(paper.sections[0]?.questions.map((q) => q.paperQuestionId));
    expect(drawn.every((question) => poolIds.has(question.paperQuestionId))).toBe(true);
    expect(drawn.map((question) => question.number)).toEqual([1, 2]);
  });
});
