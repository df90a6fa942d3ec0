import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, loginCandidate, loginStaff } from '../test/demo-logins.js';
import type { TestApp, TestClient } from '../test/test-app.js';
import {
  createExaminer,
  markInterviewed,
  scoringTestApp,
  threeCriteria,
  type ScoringIds,
} from './scoring-test-helpers.js';

interface ScoresView {
  visibility: 'own' | 'all';
  scores: { examinerName: string; total: number; points: number[]; comment: string }[];
  aggregate: number | null;
  confirmation: { aggregate: number; scoreCount: number } | null;
}

describe('Scoring: the form, the panel’s scores and 确认成绩', () => {
  let test: TestApp;
  let ids: ScoringIds;
  let admin: TestClient;
  let chair: TestClient;
  let panel2: TestClient;
  let zhang: string;
  let li: string;
  const formUrl = () => `/api/admin/exams/${ids.interviewExamId}/scoring-form`;
  const scoreUrl = (registrationId: string) =>
    `/api/examiner/registrations/${registrationId}/score`;
  const scoresOf = async (client: TestClient, registrationId: string) => {
    const response = await client.get(`/api/examiner/registrations/${registrationId}/scores`);
    expect(response.statusCode).toBe(200);
    return response.json<ScoresView>();
  };
  const confirm = (client: TestClient, registrationId: string) =>
    client.post(`/api/examiner/registrations/${registrationId}/confirm`);
  const good = { points: [30, 35.5, 15], comment: '表达清晰' };

  beforeAll(async () => {
    ({ test, ids } = await scoringTestApp());
    admin = await loginStaff(test, 'admin');
    chair = await loginStaff(test, 'panel1');
    panel2 = await loginStaff(test, 'panel2');
    zhang = ids.registrations.INT2026001 ?? '';
    li = ids.registrations.INT2026002 ?? '';
    await markInterviewed(test, zhang);
    await markInterviewed(test, li);
  });
  afterAll(() => test.close());

  it('refuses a score before the exam has a scoring form', async () => {
    const response = await panel2.put(scoreUrl(zhang), good);
    expect(response.json().error.code).toBe('SCORING_FORM_MISSING');
  });

  it('validates the scoring form', async () => {
    const bad = [
      threeCriteria({ criteria: [] }),
      threeCriteria({
        criteria: Array.from({ length: 21 }, (_, i) => ({ name: `项${String(i)}`, maxPoints: 5 })),
      }),
      threeCriteria({ criteria: [{ name: '内容', maxPoints: 7.3 }] }),
      threeCriteria({ criteria: [{ name: '内容', maxPoints: 0 }] }),
      threeCriteria({ criteria: [{ name: ' ', maxPoints: 10 }] }),
      threeCriteria({
        criteria: [
          { name: '内容', maxPoints: 10 },
          { name: '内容', maxPoints: 10 },
        ],
      }),
      threeCriteria({ aggregation: 'median' }),
      { ...threeCriteria(), examId: ids.writtenExamId },
    ];
    for (const body of bad) {
      const response = await admin.put(formUrl(), body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await admin.get(formUrl())).json()).toEqual({ form: null, isLocked: false });
  });

  it('lets only the exam’s admins edit it', async () => {
    expect((await chair.put(formUrl(), threeCriteria())).statusCode).toBe(403);
    const candidate = await loginCandidate(test, 'INT2026', 'INT2026001');
    expect((await candidate.put(formUrl(), threeCriteria())).statusCode).toBe(403);
    const flAdmin = await loginStaff(test, 'fl_admin');
    const written = `/api/admin/exams/${ids.writtenExamId}/scoring-form`;
    expect((await flAdmin.get(written)).statusCode).toBe(404);
    expect((await flAdmin.put(written, threeCriteria())).statusCode).toBe(404);
    // The college admin of the interview's college may.
    const saved = await flAdmin.put(formUrl(), threeCriteria({ commentRequired: false }));
    expect(saved.statusCode).toBe(200);
  });

  it('saves the form in order with its total and records it', async () => {
    const response = await admin.put(formUrl(), threeCriteria());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      isLocked: false,
      form: {
        criteria: [
          { name: '内容', maxPoints: 40, description: '观点与论证' },
          { name: '语言', maxPoints: 40, description: '' },
          { name: '仪态', maxPoints: 20, description: '' },
        ],
        commentRequired: true,
        aggregation: 'mean',
        maxTotal: 100,
      },
    });
    const entries = await auditEntries(admin, 'scoring_form.');
    expect(entries.map((entry) => entry.targetId)).toEqual([
      ids.interviewExamId,
      ids.interviewExamId,
    ]);
  });

  it('lets only the session’s panel score', async () => {
    const outsider = await createExaminer(test, admin, 'outsider1');
    expect((await outsider.client.put(scoreUrl(zhang), good)).statusCode).toBe(404);
    const page = `/api/examiner/sessions/${ids.interviewSessionId}/scores`;
    expect((await outsider.client.get(page)).statusCode).toBe(404);
    const waiting = await loginStaff(test, 'waiting1');
    expect((await waiting.put(scoreUrl(zhang), good)).statusCode).toBe(403);
    expect((await waiting.get(page)).statusCode).toBe(403);
    const proctor = await loginStaff(test, 'proctor1');
    expect((await proctor.put(scoreUrl(zhang), good)).statusCode).toBe(403);
    const candidate = await loginCandidate(test, 'INT2026', 'INT2026001');
    expect((await candidate.put(scoreUrl(zhang), good)).statusCode).toBe(403);
    expect((await candidate.get(`/api/examiner/registrations/${zhang}/scores`)).statusCode).toBe(
      403,
    );
    expect((await confirm(candidate, zhang)).statusCode).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await panel2.put(scoreUrl(unknown), good)).statusCode).toBe(404);
  });

  it('keeps points within each criterion, in steps of 0.5, and asks for the comment', async () => {
    const cases: [unknown, string][] = [
      [{ points: [41, 30, 10], comment: 'x' }, 'SCORE_OUT_OF_RANGE'],
      [{ points: [40, 30, 20.5], comment: 'x' }, 'SCORE_OUT_OF_RANGE'],
      [{ points: [30.3, 30, 10], comment: 'x' }, 'VALIDATION_FAILED'],
      [{ points: [-1, 30, 10], comment: 'x' }, 'VALIDATION_FAILED'],
      [{ points: [30, 30], comment: 'x' }, 'SCORE_CRITERION_MISSING'],
      [{ points: [30, 30, 10, 1], comment: 'x' }, 'VALIDATION_FAILED'],
      [{ points: ['30', 30, 10], comment: 'x' }, 'VALIDATION_FAILED'],
      [{ points: [30, 30, 10], comment: '  ' }, 'SCORE_COMMENT_REQUIRED'],
      [{ points: [30, 30, 10] }, 'SCORE_COMMENT_REQUIRED'],
    ];
    for (const [body, code] of cases) {
      const response = await panel2.put(scoreUrl(zhang), body);
      expect(response.json().error.code, JSON.stringify(body)).toBe(code);
    }
    expect((await admin.get(formUrl())).json().isLocked).toBe(false);
  });

  it('names every criterion left empty, in the caller’s language; 0 is a score', async () => {
    const response = await panel2.put(scoreUrl(zhang), {
      points: [null, 30, null],
      comment: 'x',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'SCORE_CRITERION_MISSING',
      message: '请为每个评分项打分（可以打 0 分）',
      issues: [
        { path: 'points.0', message: '内容' },
        { path: 'points.2', message: '仪态' },
      ],
    });
    const short = await panel2.put(scoreUrl(zhang), { points: [10], comment: 'x' });
    expect(short.json().error.issues).toEqual([
      { path: 'points.1', message: '语言' },
      { path: 'points.2', message: '仪态' },
    ]);
    expect((await admin.get(formUrl())).json().isLocked).toBe(false);
  });

  it('scores an interview candidate only once the interview started', async () => {
    const zhao = ids.registrations.INT2026003 ?? '';
    const refused = await panel2.put(scoreUrl(zhao), good);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('NOT_INTERVIEWED');
    const page = await panel2.get(`/api/examiner/sessions/${ids.interviewSessionId}/scores`);
    const stages = Object.fromEntries(
      page
        .json<{ items: { admissionNumber: string; interview: string }[] }>()
        .items.map((item) => [item.admissionNumber, item.interview]),
    );
    expect(stages).toMatchObject({ INT2026001: 'done', INT2026003: 'not_started' });
  });

  it('saves an examiner’s score, which then locks the form', async () => {
    const response = await panel2.put(scoreUrl(zhang), { points: [40, 40, 20], comment: '优秀' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 100, examinerName: '考官 周老师' });
    const locked = await admin.put(formUrl(), threeCriteria({ aggregation: 'trimmed_mean' }));
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('SCORING_FORM_LOCKED');
    expect((await admin.get(formUrl())).json()).toMatchObject({
      isLocked: true,
      form: { aggregation: 'mean' },
    });
    // The examiner may change their own score until the chair confirms.
    const changed = await panel2.put(scoreUrl(zhang), good);
    expect(changed.json()).toMatchObject({ total: 80.5, points: [30, 35.5, 15] });
  });

  it('hides the other examiners’ scores from an examiner, not from the chair', async () => {
    await chair.put(scoreUrl(zhang), { points: [35, 30, 20], comment: '良好' });
    const own = await scoresOf(panel2, zhang);
    expect(own).toMatchObject({ visibility: 'own', aggregate: null, confirmation: null });
    expect(own.scores.map((s) => s.total)).toEqual([80.5]);
    const all = await scoresOf(chair, zhang);
    expect(all.visibility).toBe('all');
    expect(all.scores.map((s) => [s.examinerName, s.total]).sort()).toEqual(
      [
        ['主考官 林老师', 85],
        ['考官 周老师', 80.5],
      ].sort(),
    );
    expect(all.aggregate).toBe(82.75);

    const page = (
      await panel2.get(`/api/examiner/sessions/${ids.interviewSessionId}/scores`)
    ).json<{
      isChair: boolean;
      items: { registrationId: string; myScore: { total: number } | null; scoreCount: number }[];
    }>();
    expect(page.isChair).toBe(false);
    expect(page.items.find((item) => item.registrationId === zhang)).toMatchObject({
      myScore: { total: 80.5 },
      scoreCount: 2,
    });
    expect(JSON.stringify(page)).not.toContain('良好');
  });

  it('lets only the chair confirm, fixing the aggregate and locking the scores', async () => {
    expect((await confirm(panel2, zhang)).statusCode).toBe(403);
    const empty = await confirm(chair, li);
    expect(empty.json().error.code).toBe('NO_SCORES_TO_CONFIRM');

    const confirmed = await confirm(chair, zhang);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      aggregate: 82.75,
      confirmation: { aggregate: 82.75, scoreCount: 2, confirmedByName: '主考官 林老师' },
    });
    const late = await panel2.put(scoreUrl(zhang), { points: [1, 1, 1], comment: '改' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('SCORES_CONFIRMED');
    expect((await confirm(chair, zhang)).json().error.code).toBe('SCORES_CONFIRMED');
    // After confirmation the panel sees every score.
    expect((await scoresOf(panel2, zhang)).visibility).toBe('all');
    expect((await auditEntries(admin, 'scores.')).map((e) => e.targetId)).toEqual([zhang]);
    expect((await auditEntries(admin, 'score.saved')).length).toBe(3);
  });

  it('never lets a score slip in after a confirmation of the same candidate', async () => {
    await chair.put(scoreUrl(li), { points: [20, 20, 10], comment: '一般' });
    const [late, confirmation, second] = await Promise.all([
      panel2.put(scoreUrl(li), { points: [40, 40, 20], comment: '优秀' }),
      confirm(chair, li),
      confirm(chair, li),
    ]);
    expect([confirmation.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const view = await scoresOf(chair, li);
    // Either the score came first and counts, or it was refused: never stored but left out.
    expect(view.confirmation?.scoreCount).toBe(view.scores.length);
    expect(late.statusCode === 200 ? 2 : 1).toBe(view.scores.length);
    if (late.statusCode !== 200) expect(late.json().error.code).toBe('SCORES_CONFIRMED');
    expect(view.confirmation?.aggregate).toBe(view.scores.length === 2 ? 75 : 50);
  });

  it('takes an explicit 0 as a score', async () => {
    const zhou = ids.registrations.INT2026005 ?? '';
    await markInterviewed(test, zhou);
    const zeros = await panel2.put(scoreUrl(zhou), { points: [0, 0, 0], comment: '未作答' });
    expect(zeros.statusCode).toBe(200);
    expect(zeros.json()).toMatchObject({ points: [0, 0, 0], total: 0 });
  });
});
