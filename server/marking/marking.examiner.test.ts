import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStaff } from '../../shared/api/exam-admin.js';
import type {
  MarkerExam,
  MarkingOverview,
  MarkingQuestionView,
  PutMarkResponse,
  WrittenResults,
} from '../../shared/api/marking.js';
import { appUser, exam, examSession, school } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginStaff } from '../test/demo-logins.js';
import type { TestClient } from '../test/test-app.js';
import { setWrittenRules } from '../written-exam/written-test-helpers.js';
import { markingWorld, refusal, type MarkingWorld } from './marking-test-world.js';

// 阅卷 by 阅卷人 (issue 14 §6): examiners with the marker duty on a session of the written exam
// mark it anonymously through their own routes; 双评 asks two of them and a third beyond the
// threshold. The demo makes 考官 周老师 (panel2) and 候考官 陈老师 (waiting1) markers of WRT2026;
// 主考官 林老师 (panel1) is not one until an admin adds him.

const SECRETS = ['WRT2026001', 'WRT2026002', '李四', '王五'];

function markerRoutes(world: MarkingWorld) {
  const base = () => `/api/examiner/exams/${world.examId}/marking`;
  return {
    overview: (client: TestClient) => client.get(base()),
    question: (client: TestClient) => client.get(`${base()}/questions/${world.essayId}`),
    mark: (client: TestClient, attemptId: string, points: number, comment = '') =>
      client.put(`${base()}/questions/${world.essayId}/answers/${attemptId}`, { points, comment }),
  };
}

async function questionView(client: TestClient, url: string) {
  const response = await client.get(url);
  expect(response.statusCode).toBe(200);
  return { view: response.json<MarkingQuestionView>(), body: response.body };
}

describe('阅卷人: examiners with the marker duty mark a written exam, anonymously', () => {
  let world: MarkingWorld;
  let routes: ReturnType<typeof markerRoutes>;
  let zhou: TestClient;
  let lin: TestClient;

  beforeAll(async () => {
    world = await markingWorld({});
    routes = markerRoutes(world);
    zhou = await loginStaff(world.test, 'panel2');
    lin = await loginStaff(world.test, 'panel1');
  });
  afterAll(() => world.test.close());

  it('answers NOT_FOUND to an examiner without the duty, and lists nothing for them', async () => {
    for (const response of [
      await routes.overview(lin),
      await routes.question(lin),
      await routes.mark(lin, world.attemptIds.li, 5),
    ]) {
      expect(refusal(response)).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
    expect((await lin.get('/api/examiner/marking')).json()).toEqual({ items: [] });
    // Nor do admin routes open to an examiner.
    const admin = await lin.get(`/api/admin/exams/${world.examId}/marking`);
    expect(admin.statusCode).toBe(403);
  });

  it('lists the exam on the marker’s home with what waits for them', async () => {
    const { items } = (await zhou.get('/api/examiner/marking')).json<{ items: MarkerExam[] }>();
    expect(items).toEqual([
      expect.objectContaining({
        examId: world.examId,
        examCode: 'WRT2026',
        questionCount: 1,
        myPendingCount: 2,
        pendingCount: 2,
        isDoubleMarking: false,
      }),
    ]);
  });

  it('shows the marker the answers by 答卷编号 only, and opens no session view', async () => {
    const { view, body } = await questionView(
      zhou,
      `/api/examiner/exams/${world.examId}/marking/questions/${world.essayId}`,
    );
    expect(view.answers.map((answer) => [answer.code, answer.stage, answer.nextSlot])).toEqual([
      ['A001', 'first', 'first'],
      ['A002', 'first', 'first'],
    ]);
    for (const secret of SECRETS) expect(body).not.toContain(secret);
    // The marker duty is not a seat in the session: its check-ins (with names) stay closed.
    const checkIns = await zhou.get(`/api/sessions/${world.sessionId}/check-ins`);
    expect(refusal(checkIns)).toEqual({ status: 404, code: 'NOT_FOUND' });
    const { items } = (await zhou.get('/api/me/assignments')).json<{
      items: { duty: string }[];
    }>();
    expect(items.map((item) => item.duty)).toEqual(['panel_examiner']);
  });

  it('marks, and still hides the candidates from the marker once marking is complete', async () => {
    const first = await routes.mark(zhou, world.attemptIds.li, 12, '切题');
    expect(first.json<PutMarkResponse>()).toMatchObject({
      mark: { slot: 'first', points: 12, markerName: '考官 周老师' },
      stage: 'done',
      attemptState: 'marked',
      markedCount: 1,
    });
    expect((await routes.mark(zhou, world.attemptIds.wang, 6)).statusCode).toBe(200);
    const overview = (await routes.overview(zhou)).json<MarkingOverview>();
    expect(overview).toMatchObject({ isComplete: true, doubleMarking: null });
    const { view, body } = await questionView(
      zhou,
      `/api/examiner/exams/${world.examId}/marking/questions/${world.essayId}`,
    );
    expect(view.answers.every((answer) => answer.candidate === null)).toBe(true);
    for (const secret of SECRETS) expect(body).not.toContain(secret);
    // The admin sees the candidates from now on, as before.
    const admin = await questionView(
      world.admin,
      `/api/admin/exams/${world.examId}/marking/questions/${world.essayId}`,
    );
    expect(admin.view.answers[0]?.candidate).toMatchObject({ admissionNumber: 'WRT2026001' });
    const entries = await auditEntries(world.admin, 'answer.marked');
    expect(entries.map((entry) => entry.detail)).toContain('WRT2026 A001 第4题 一评(first): 12/15');
  });

  it('asks every paper for a second mark when 双评 is turned on afterwards', async () => {
    await setWrittenRules(world.test, { doubleMarking: true });
    const overview = (await routes.overview(zhou)).json<MarkingOverview>();
    expect(overview).toMatchObject({ isComplete: false, doubleMarking: { threshold: 2 } });
    expect(overview.questions[0]).toMatchObject({
      markedCount: 0,
      pending: { first: 0, second: 2, third: 0 },
      // Both first marks are 周老师's: the second ones are someone else's.
      myPendingCount: 0,
    });
    const results = (
      await world.admin.get(`/api/admin/exams/${world.examId}/written-results`)
    ).json<WrittenResults>();
    expect(results.isMarkingComplete).toBe(false);
    expect(results.items.map((item) => item.state)).toEqual(['submitted', 'submitted']);
    await setWrittenRules(world.test, { doubleMarking: false });
  });

  it('answers NOT_FOUND to a marker of another school', async () => {
    const { db } = world.test.database;
    await db.update(school).set({ slug: 'ours' }).where(eq(school.slug, 'demo'));
    await db
      .update(appUser)
      .set({ username: 'ours-platform' })
      .where(eq(appUser.role, 'platform_admin'));
    await seedDemoInto(world.test);
    // The other school's 周老师 marks its own WRT2026, never ours.
    const rival = await loginStaff(world.test, 'panel2');
    const { items } = (await rival.get('/api/examiner/marking')).json<{ items: MarkerExam[] }>();
    expect(items.map((item) => item.examId)).not.toContain(world.examId);
    expect(items).toHaveLength(1);
    for (const response of [
      await routes.overview(rival),
      await routes.question(rival),
      await routes.mark(rival, world.attemptIds.li, 1),
    ]) {
      expect(refusal(response)).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
  });
});

describe('双评: two markers, their mean within the threshold, a third beyond it', () => {
  let world: MarkingWorld;
  let routes: ReturnType<typeof markerRoutes>;
  let zhou: TestClient;
  let chen: TestClient;
  let lin: TestClient;
  const adminQuestion = () => `/api/admin/exams/${world.examId}/marking/questions/${world.essayId}`;
  const markerQuestion = () =>
    `/api/examiner/exams/${world.examId}/marking/questions/${world.essayId}`;
  const results = async () =>
    (
      await world.admin.get(`/api/admin/exams/${world.examId}/written-results`)
    ).json<WrittenResults>();

  beforeAll(async () => {
    world = await markingWorld({ doubleMarking: true, markingDifferenceThreshold: 2 });
    routes = markerRoutes(world);
    zhou = await loginStaff(world.test, 'panel2');
    chen = await loginStaff(world.test, 'waiting1');
    lin = await loginStaff(world.test, 'panel1');
  });
  afterAll(() => world.test.close());

  it('lets an admin add a marker on a written session only', async () => {
    const { db } = world.test.database;
    const staffUrl = (sessionId: string) => `/api/admin/sessions/${sessionId}/staff`;
    const staff = (await world.admin.get(staffUrl(world.sessionId))).json<SessionStaff>();
    const idOf = (name: string) => staff.options.find((option) => option.name === name)?.id ?? '';
    expect(staff.markerIds.sort()).toEqual([idOf('考官 周老师'), idOf('候考官 陈老师')].sort());
    const body = {
      waitingExaminerIds: [],
      panelExaminerIds: [],
      panelChairId: null,
      proctorIds: staff.proctorIds,
      markerIds: [...staff.markerIds, idOf('主考官 林老师')],
    };
    const [interview] = await db
      .select({ id: examSession.id })
      .from(examSession)
      .innerJoin(exam, eq(exam.id, examSession.examId))
      .where(eq(exam.code, 'INT2026'));
    const refused = await world.admin.put(staffUrl(interview?.id ?? ''), {
      ...body,
      panelExaminerIds: [idOf('主考官 林老师')],
    });
    expect(refusal(refused)).toEqual({ status: 400, code: 'MARKERS_WRITTEN_ONLY' });
    const saved = await world.admin.put(staffUrl(world.sessionId), body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json<SessionStaff>().markerIds).toHaveLength(3);
    expect((await routes.overview(lin)).json<MarkingOverview>()).toMatchObject({
      doubleMarking: { threshold: 2 },
    });
  });

  it('takes a first mark, and lets its marker correct it without filling a second slot', async () => {
    const first = await routes.mark(zhou, world.attemptIds.li, 1, '周老师的评语');
    expect(first.json<PutMarkResponse>()).toMatchObject({
      mark: { slot: 'first', points: 1 },
      stage: 'second',
      attemptState: 'submitted',
      markedCount: 0,
    });
    // A typo (1 for 10): the same marker's next mark replaces theirs, still the first one.
    const corrected = await routes.mark(zhou, world.attemptIds.li, 10, '周老师的评语');
    expect(corrected.json<PutMarkResponse>()).toMatchObject({
      mark: { slot: 'first', points: 10 },
      stage: 'second',
    });
    const mine = (await questionView(zhou, markerQuestion())).view.answers[0];
    expect(mine).toMatchObject({ stage: 'second', nextSlot: 'first', mark: { points: 10 } });
    // What waits for 周老师 is 王五's paper only: his own marked one does not.
    expect((await routes.overview(zhou)).json<MarkingOverview>().questions[0]).toMatchObject({
      pending: { first: 1, second: 1, third: 0 },
      myPendingCount: 1,
    });
  });

  it('hides the first mark from the second marker, then gives the mean rounded to 0.5', async () => {
    const { view, body } = await questionView(chen, markerQuestion());
    expect(view.answers[0]).toMatchObject({
      stage: 'second',
      nextSlot: 'second',
      mark: null,
      marks: [],
      finalPoints: null,
    });
    expect(body).not.toContain('周老师的评语');
    const overview = (await routes.overview(chen)).json<MarkingOverview>();
    expect(overview.questions[0]).toMatchObject({
      pending: { first: 1, second: 1, third: 0 },
      myPendingCount: 2,
    });
    // 10 and 11.5 differ by 1.5 ≤ 2: the mean 10.75 rounds half up to 11.
    const second = await routes.mark(chen, world.attemptIds.li, 11.5);
    expect(second.json<PutMarkResponse>()).toMatchObject({
      mark: { slot: 'second' },
      stage: 'done',
      attemptState: 'marked',
      markedCount: 1,
    });
    expect(refusal(await routes.mark(lin, world.attemptIds.li, 3))).toEqual({
      status: 409,
      code: 'MARK_ALREADY_FINAL',
    });
  });

  it('sends marks beyond the threshold to a third marker, and completes only then', async () => {
    await routes.mark(zhou, world.attemptIds.wang, 3);
    const second = await routes.mark(chen, world.attemptIds.wang, 8);
    expect(second.json<PutMarkResponse>()).toMatchObject({ stage: 'third', markedCount: 1 });
    expect((await routes.overview(lin)).json<MarkingOverview>().questions[0]).toMatchObject({
      markedCount: 1,
      pending: { first: 0, second: 0, third: 1 },
      myPendingCount: 1,
    });
    expect((await routes.overview(zhou)).json<MarkingOverview>().questions[0]).toMatchObject({
      myPendingCount: 0,
    });
    expect(await results()).toMatchObject({ isMarkingComplete: false });
    expect(
      refusal(await world.admin.post(`/api/admin/exams/${world.examId}/written-results/publish`)),
    ).toEqual({
      status: 409,
      code: 'MARKING_INCOMPLETE',
    });
    // 陈老师 corrects 8 to 9 while the third mark waits: still the second mark, still apart.
    const corrected = await routes.mark(chen, world.attemptIds.wang, 9);
    expect(corrected.json<PutMarkResponse>()).toMatchObject({
      mark: { slot: 'second', points: 9 },
      stage: 'third',
    });

    const third = await routes.mark(lin, world.attemptIds.wang, 6);
    expect(third.json<PutMarkResponse>()).toMatchObject({
      mark: { slot: 'third', points: 6 },
      stage: 'done',
      attemptState: 'marked',
      markedCount: 2,
    });
    const done = await results();
    expect(done.isMarkingComplete).toBe(true);
    const row = (admissionNumber: string) =>
      done.items.find((item) => item.admissionNumber === admissionNumber);
    expect(row('WRT2026001')).toMatchObject({ subjectivePoints: 11, state: 'marked' });
    expect(row('WRT2026002')).toMatchObject({ subjectivePoints: 6, state: 'marked' });
  });

  it('shows admins every mark with its marker after completion, and markers only their own', async () => {
    const admin = (await questionView(world.admin, adminQuestion())).view.answers[1];
    expect(admin).toMatchObject({ code: 'A002', finalPoints: 6, mark: null });
    expect(admin?.marks.map((mark) => [mark.slot, mark.points, mark.markerName])).toEqual([
      ['first', 3, '考官 周老师'],
      ['second', 9, '候考官 陈老师'],
      ['third', 6, '主考官 林老师'],
    ]);
    const { view, body } = await questionView(zhou, markerQuestion());
    expect(view.answers[1]).toMatchObject({
      mark: { slot: 'first', points: 3 },
      marks: [],
      finalPoints: null,
      candidate: null,
    });
    for (const secret of [...SECRETS, '候考官 陈老师', '主考官 林老师']) {
      expect(body).not.toContain(secret);
    }
    const details = (await auditEntries(world.admin, 'answer.marked')).map((e) => e.detail);
    expect(details).toEqual(
      expect.arrayContaining([
        'WRT2026 A002 第4题 二评(second): 8/15',
        'WRT2026 A002 第4题 二评(second): 9/15',
        'WRT2026 A002 第4题 仲裁(third): 6/15',
      ]),
    );
  });
});
