import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MarkingOverview,
  MarkingQuestionView,
  MyWrittenResult,
  WrittenResults,
} from '../../shared/api/marking.js';
import type { AttemptView, MyAttempt } from '../../shared/api/written-exam.js';
import type { Answer } from '../../shared/questions/answer-schema.js';
import { appUser, exam, paper, school } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  setWrittenRules,
  writtenExam,
} from '../written-exam/written-test-helpers.js';

// 阅卷 and 成绩 of the demo's written exam through the routes (issue 14 §6): 李四 and 王五 sit the
// four-question sample paper (7 objective points, an essay of 15), the school admin marks the
// essay anonymously, publishes, and 李四 sees his result.

const MINUTE = 60_000;

type Candidate = Awaited<ReturnType<typeof checkedInWrittenCandidate>>;

describe('marking and results of a written exam, through the routes', () => {
  let test: TestApp;
  let admin: TestClient;
  let startsAt: Date;
  let examId: string;
  let ids: string[];
  let essayId: string;
  let li: Candidate;
  let wang: Candidate;
  const attemptIds: Record<'li' | 'wang', string> = { li: '', wang: '' };

  const at = (minutes: number) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE));
  };
  const refusal = (response: { statusCode: number; json: () => unknown }) => ({
    status: response.statusCode,
    code: (response.json() as { error?: { code: string } }).error?.code,
  });
  const base = () => `/api/admin/exams/${examId}`;
  const mark = (client: TestClient, attemptId: string, points: number, comment = '') =>
    client.put(`${base()}/marking/questions/${essayId}/answers/${attemptId}`, { points, comment });
  const questionView = async (client = admin) => {
    const response = await client.get(`${base()}/marking/questions/${essayId}`);
    expect(response.statusCode).toBe(200);
    return { view: response.json<MarkingQuestionView>(), body: response.body };
  };
  const sit = async (who: Candidate, answers: Answer[]) => {
    const attempt = `/api/me/registrations/${who.registrationId}/attempt`;
    const started = await who.client.post(`${attempt}/start`);
    expect(started.statusCode).toBe(200);
    for (const [index, answer] of answers.entries()) {
      const saved = await who.client.put(`${attempt}/answers/${ids[index] ?? ''}`, {
        answer,
        seq: 1,
      });
      expect(saved.statusCode).toBe(200);
    }
    return started.json<AttemptView>().attemptId;
  };
  const submit = async (who: Candidate) => {
    const response = await who.client.post(
      `/api/me/registrations/${who.registrationId}/attempt/submit`,
    );
    expect(response.json<AttemptView>().state).toBe('submitted');
  };
  const myResult = async (who: Candidate) => {
    const response = await who.client.get(
      `/api/me/registrations/${who.registrationId}/written-result`,
    );
    expect(response.statusCode).toBe(200);
    return response.json<MyWrittenResult>();
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    // 交卷 without the demo's face check: submit-face.test.ts covers it.
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    ({ startsAt, examId } = await writtenExam(test.database.db));
    ({ ids } = await seedWrittenPaper(test.database.db));
    essayId = ids[3] ?? '';
    await test.database.db.update(paper).set({ passMark: 12 }).where(eq(paper.examId, examId));
    at(25);
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
    wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    attemptIds.li = await sit(li, [
      { type: 'single_choice', optionId: 'B' },
      { type: 'multiple_choice', optionIds: ['A', 'B'] },
      { type: 'fill_blank', blanks: ['Since'] },
      { type: 'essay', text: '我的家乡在江南，小桥流水。' },
    ]);
    at(26);
    attemptIds.wang = await sit(wang, [
      { type: 'single_choice', optionId: 'A' },
      { type: 'multiple_choice', optionIds: ['A'] },
    ]);
    at(31);
    await submit(li);
    admin = await loginStaff(test, 'admin');
  });
  afterAll(() => test.close());

  it('lists the essay with its progress, and refuses to mark a paper still being written', async () => {
    const overview = (await admin.get(`${base()}/marking`)).json<MarkingOverview>();
    expect(overview).toMatchObject({ inProgressCount: 1, isComplete: false });
    expect(overview.questions).toEqual([
      expect.objectContaining({
        paperQuestionId: essayId,
        number: 4,
        type: 'essay',
        points: 15,
        submittedCount: 1,
        markedCount: 0,
      }),
    ]);
    expect(refusal(await mark(admin, attemptIds.wang, 5))).toEqual({
      status: 409,
      code: 'MARK_ATTEMPT_NOT_SUBMITTED',
    });
    const mine = await wang.client.get(`/api/me/registrations/${wang.registrationId}/attempt`);
    expect(mine.json<MyAttempt>().attempt?.state).toBe('in_progress');
  });

  it('shows the answers anonymised by 答卷编号, with the reference answer', async () => {
    await submit(wang);
    const { view, body } = await questionView();
    expect(view.question).toMatchObject({ referenceAnswer: 'SECRET-REFERENCE', limit: 200 });
    expect(view.answers).toEqual([
      expect.objectContaining({
        attemptId: attemptIds.li,
        code: 'A001',
        answer: { type: 'essay', text: '我的家乡在江南，小桥流水。' },
        mark: null,
        candidate: null,
      }),
      expect.objectContaining({ attemptId: attemptIds.wang, code: 'A002', answer: null }),
    ]);
    for (const secret of ['WRT2026001', 'WRT2026002', '李四', '王五']) {
      expect(body).not.toContain(secret);
    }
  });

  it('refuses points over the question’s, off the half steps, and objective questions', async () => {
    expect(refusal(await mark(admin, attemptIds.li, 15.5))).toEqual({
      status: 400,
      code: 'MARK_POINTS_OVER_MAX',
    });
    expect(refusal(await mark(admin, attemptIds.li, 7.3))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(refusal(await mark(admin, attemptIds.li, -1))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    const objective = await admin.put(
      `${base()}/marking/questions/${ids[0] ?? ''}/answers/${attemptIds.li}`,
      { points: 1, comment: '' },
    );
    expect(refusal(objective)).toEqual({ status: 409, code: 'MARK_QUESTION_OBJECTIVE' });
    expect((await questionView()).view.answers.every((answer) => answer.mark === null)).toBe(true);
  });

  it('refuses to publish while answers are unmarked', async () => {
    expect(refusal(await admin.post(`${base()}/written-results/publish`))).toEqual({
      status: 409,
      code: 'MARKING_INCOMPLETE',
    });
    expect(await myResult(li)).toEqual({ published: false });
  });

  it('shows no subjective points beside names while marking is anonymous', async () => {
    expect((await mark(admin, attemptIds.li, 12)).statusCode).toBe(200);
    const results = (await admin.get(`${base()}/written-results`)).json<WrittenResults>();
    expect(results.isMarkingComplete).toBe(false);
    expect(results.items.find((item) => item.admissionNumber === 'WRT2026001')).toMatchObject({
      state: 'marked',
      objectivePoints: 7,
      subjectivePoints: null,
      total: null,
      sections: [],
    });
  });

  it('marks each attempt with its last subjective answer, then reveals the candidates', async () => {
    const first = await mark(admin, attemptIds.li, 12, '结构清晰');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      attemptState: 'marked',
      markedCount: 1,
      mark: { points: 12, comment: '结构清晰', markerName: expect.any(String) },
    });
    expect((await questionView()).view.answers[1]?.candidate).toBeNull();

    expect((await mark(admin, attemptIds.wang, 6)).json()).toMatchObject({
      attemptState: 'marked',
      markedCount: 2,
    });
    const { view } = await questionView();
    expect(view.isComplete).toBe(true);
    expect(view.answers.map((answer) => [answer.code, answer.candidate])).toEqual([
      ['A001', { admissionNumber: 'WRT2026001', name: expect.any(String) }],
      ['A002', { admissionNumber: 'WRT2026002', name: expect.any(String) }],
    ]);
    // A change later keeps the attempt marked and moves its total.
    expect((await mark(admin, attemptIds.li, 13.5)).json()).toMatchObject({
      attemptState: 'marked',
      markedCount: 2,
    });
    const entries = await auditEntries(admin, 'answer.marked');
    expect(entries).toHaveLength(4);
    expect(entries.map((entry) => entry.detail).join(' ')).not.toContain('WRT2026001');
  });

  it('totals each candidate per section with pass/fail, and each question’s statistics', async () => {
    const results = (await admin.get(`${base()}/written-results`)).json<WrittenResults>();
    expect(results).toMatchObject({ passMark: 12, maxTotal: 22, isMarkingComplete: true });
    const row = (admissionNumber: string) =>
      results.items.find((item) => item.admissionNumber === admissionNumber);
    expect(row('WRT2026001')).toMatchObject({
      state: 'marked',
      objectivePoints: 7,
      subjectivePoints: 13.5,
      total: 20.5,
      maxTotal: 22,
      passed: true,
      sections: [
        { title: '一、选择与填空', points: 7, maxPoints: 7 },
        { title: '二、写作', points: 13.5, maxPoints: 15 },
      ],
    });
    // Partial credit for one of two right choices: 1.5 of 3.
    expect(row('WRT2026002')).toMatchObject({ objectivePoints: 1.5, total: 7.5, passed: false });
    const stat = (number: number) => results.questions.find((q) => q.number === number);
    expect(stat(4)).toMatchObject({
      count: 2,
      mean: 9.75,
      difficulty: 0.65,
      discrimination: 0.5,
    });
    expect(stat(1)).toMatchObject({ count: 2, mean: 1, difficulty: 0.5, discrimination: 1 });
  });

  it('exports the results as XLSX', async () => {
    const response = await admin.get(`${base()}/written-results.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('成绩');
    const rows = (sheet?.getSheetValues() ?? []).map((values) =>
      Array.isArray(values) ? values.slice(1) : [],
    );
    expect(rows).toContainEqual(expect.arrayContaining(['WRT2026001', 20.5, '及格', 13.5]));
    expect(workbook.getWorksheet('试题分析')?.rowCount).toBe(5);
  });

  it('publishes once, and then the candidate sees their result', async () => {
    const published = await admin.post(`${base()}/written-results/publish`);
    expect(published.statusCode).toBe(200);
    const again = await admin.post(`${base()}/written-results/publish`);
    expect(again.json()).toEqual(published.json());
    expect(await myResult(li)).toMatchObject({
      published: true,
      result: {
        total: 20.5,
        maxTotal: 22,
        passMark: 12,
        passed: true,
        sections: [
          { title: '一、选择与填空', points: 7 },
          { title: '二、写作', points: 13.5 },
        ],
        questions: [
          { number: 1, type: 'single_choice', points: 2, maxPoints: 2 },
          { number: 2, type: 'multiple_choice', points: 3, maxPoints: 3 },
          { number: 3, type: 'fill_blank', points: 2, maxPoints: 2 },
          { number: 4, type: 'essay', points: 13.5, maxPoints: 15 },
        ],
      },
    });
    expect(
      refusal(await li.client.get(`/api/me/registrations/${wang.registrationId}/written-result`)),
    ).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await auditEntries(admin, 'written_results.published')).toHaveLength(1);
    // The demo shows no answers with the result.
    const hidden = await myResult(li);
    if (!hidden.published || !hidden.result) throw new Error('no result');
    expect(hidden.result.questions.every((q) => q.question === null && q.correct === null)).toBe(
      true,
    );
  });

  it('shows each answer beside the key where the exam shows answers with the result', async () => {
    await setWrittenRules(test, { resultAnswersShown: true });
    const shown = await myResult(li);
    if (!shown.published || !shown.result) throw new Error('no result');
    const [first, , , essay] = shown.result.questions;
    expect(first).toMatchObject({
      question: { type: 'single_choice' },
      answer: { type: 'single_choice', optionId: 'B' },
      correct: { type: 'single_choice' },
    });
    // What the candidate sees holds no key inside the question itself.
    expect(JSON.stringify(first?.question)).not.toContain('correct');
    expect(essay).toMatchObject({
      answer: { type: 'essay', text: '我的家乡在江南，小桥流水。' },
      correct: { type: 'essay' },
    });
  });

  it('answers NOT_FOUND to a college admin of no such exam, and to another school', async () => {
    const college = await loginStaff(test, 'fl_admin');
    for (const response of [
      await college.get(`${base()}/marking`),
      await college.get(`${base()}/written-results`),
      await mark(college, attemptIds.li, 1),
    ]) {
      expect(refusal(response)).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
    // A second school seeded beside the first: its admin reaches none of our rows.
    const { db } = test.database;
    await db.update(school).set({ slug: 'ours' }).where(eq(school.slug, 'demo'));
    await db
      .update(appUser)
      .set({ username: 'ours-platform' })
      .where(eq(appUser.role, 'platform_admin'));
    await seedDemoInto(test);
    // 交卷 without the demo's face check: submit-face.test.ts covers it.
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    const rival = await loginStaff(test, 'admin');
    const [rivalExam] = await db
      .select({ id: exam.id })
      .from(exam)
      .innerJoin(school, eq(school.id, exam.schoolId))
      .where(and(eq(school.slug, 'demo'), eq(exam.code, 'WRT2026')));
    const rivalBase = `/api/admin/exams/${rivalExam?.id ?? ''}`;
    for (const response of [
      await rival.get(`${base()}/marking/questions/${essayId}`),
      await mark(rival, attemptIds.li, 1),
      // Its own exam does not make our attempt its own.
      await rival.put(`${rivalBase}/marking/questions/${essayId}/answers/${attemptIds.li}`, {
        points: 1,
      }),
      await rival.get(`${rivalBase}/marking/questions/${essayId}`),
    ]) {
      expect(refusal(response)).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
    expect((await questionView()).view.answers[0]?.mark?.points).toBe(13.5);
  });
});
