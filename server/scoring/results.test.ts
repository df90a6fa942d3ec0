import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, loginCandidate, loginStaff } from '../test/demo-logins.js';
import type { TestApp, TestClient } from '../test/test-app.js';
import {
  assignDuty,
  createExaminer,
  scoringTestApp,
  type ScoringIds,
} from './scoring-test-helpers.js';

interface Results {
  publishedAt: string | null;
  items: {
    admissionNumber: string;
    candidateName: string;
    sessionName: string;
    scores: { examinerName: string; total: number }[];
    aggregate: number | null;
    isConfirmed: boolean;
  }[];
}

/** The written exam gets a one-criterion form, a trimmed mean and a panel of five. */
describe('Scoring: trimmed mean, results, XLSX export and 公布成绩', () => {
  let test: TestApp;
  let ids: ScoringIds;
  let admin: TestClient;
  let panel: TestClient[];
  let li: string;
  let wang: string;
  const examUrl = () => `/api/admin/exams/${ids.writtenExamId}`;
  const score = (client: TestClient, registrationId: string, points: number) =>
    client.put(`/api/examiner/registrations/${registrationId}/score`, { points: [points] });
  const chairView = async (registrationId: string) =>
    (await panel[0]?.get(`/api/examiner/registrations/${registrationId}/scores`))?.json<{
      aggregate: number | null;
      scores: unknown[];
    }>();
  const myResults = async (client: TestClient) => {
    const response = await client.get('/api/me/results');
    expect(response.statusCode).toBe(200);
    return response.json<{ items: { examName: string; aggregate: number; maxTotal: number }[] }>()
      .items;
  };

  beforeAll(async () => {
    ({ test, ids } = await scoringTestApp());
    admin = await loginStaff(test, 'admin');
    const session = ids.writtenSessionId;
    await assignDuty(test, ids, session, await ids.userIdOf('panel1'), 'panel_chair');
    const others = [
      await loginStaff(test, 'panel2'),
      await loginStaff(test, 'waiting1'),
      (await createExaminer(test, admin, 'extra1')).client,
      (await createExaminer(test, admin, 'extra2')).client,
    ];
    for (const username of ['panel2', 'waiting1', 'extra1', 'extra2']) {
      await assignDuty(test, ids, session, await ids.userIdOf(username), 'panel_examiner');
    }
    panel = [await loginStaff(test, 'panel1'), ...others];
    li = ids.registrations.WRT2026001 ?? '';
    wang = ids.registrations.WRT2026002 ?? '';
    const form = await admin.put(`${examUrl()}/scoring-form`, {
      criteria: [{ name: '总体表现', maxPoints: 100 }],
      aggregation: 'trimmed_mean',
    });
    expect(form.statusCode).toBe(200);
  });
  afterAll(() => test.close());

  it('takes the plain mean of 2 scores and drops the extremes of 3 and of 5', async () => {
    const [chair, second, third, fourth, fifth] = panel;
    if (!chair || !second || !third || !fourth || !fifth) throw new Error('panel missing');
    expect((await score(chair, wang, 95)).statusCode).toBe(200);
    expect((await score(second, wang, 70)).statusCode).toBe(200);
    expect(await chairView(wang)).toMatchObject({ aggregate: 82.5 });
    expect((await score(third, wang, 80)).statusCode).toBe(200);
    expect(await chairView(wang)).toMatchObject({ aggregate: 80 });

    const totals = [50, 99, 80, 82.5, 81];
    for (const [index, client] of panel.entries()) {
      expect((await score(client, li, totals[index] ?? 0)).statusCode).toBe(200);
    }
    expect(await chairView(li)).toMatchObject({ aggregate: 81.17 });
    const confirmed = await chair.post(`/api/examiner/registrations/${li}/confirm`);
    expect(confirmed.json()).toMatchObject({ confirmation: { aggregate: 81.17, scoreCount: 5 } });
  });

  it('lists every registration with each examiner’s total to the admins only', async () => {
    const response = await admin.get(`${examUrl()}/results`);
    expect(response.statusCode).toBe(200);
    const results = response.json<Results>();
    expect(results.publishedAt).toBeNull();
    expect(
      results.items.map((item) => [item.admissionNumber, item.aggregate, item.isConfirmed]),
    ).toEqual([
      ['WRT2026001', 81.17, true],
      ['WRT2026002', 80, false],
    ]);
    expect(results.items[0]?.scores.map((s) => s.total).sort((a, b) => a - b)).toEqual([
      50, 80, 81, 82.5, 99,
    ]);
    const flAdmin = await loginStaff(test, 'fl_admin');
    expect((await flAdmin.get(`${examUrl()}/results`)).statusCode).toBe(404);
    expect((await flAdmin.get(`${examUrl()}/results.xlsx`)).statusCode).toBe(404);
    const chair = panel[0];
    expect((await chair?.get(`${examUrl()}/results`))?.statusCode).toBe(403);
    const candidate = await loginCandidate(test, 'WRT2026', 'WRT2026001');
    expect((await candidate.get(`${examUrl()}/results`)).statusCode).toBe(403);
    expect((await candidate.get(`${examUrl()}/results.xlsx`)).statusCode).toBe(403);
    expect((await candidate.post(`${examUrl()}/results/publish`)).statusCode).toBe(403);
  });

  it('exports the results as an XLSX download', async () => {
    const response = await admin.get(`${examUrl()}/results.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toContain('attachment;');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('成绩-WRT2026.xlsx')}`,
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('成绩');
    if (!sheet) throw new Error('no 成绩 sheet');
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    const header = (rows[0] ?? []).slice(1);
    expect(header.slice(0, 3)).toEqual(['准考证号', '姓名', '考场']);
    expect(header.slice(-2)).toEqual(['成绩', '已确认']);
    expect(header).toHaveLength(3 + 5 + 2);
    const [first, second] = rows.slice(1).map((row) => row.slice(1));
    expect(first?.slice(0, 2)).toEqual(['WRT2026001', '李四']);
    expect(
      first
        ?.slice(3, 8)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([50, 80, 81, 82.5, 99]);
    expect(first?.slice(-2)).toEqual([81.17, '是']);
    expect(second?.slice(0, 2)).toEqual(['WRT2026002', '王五']);
    expect(second?.slice(-2)).toEqual([80, '否']);
  });

  it('shows candidates only confirmed results, and only once published', async () => {
    const liClient = await loginCandidate(test, 'WRT2026', 'WRT2026001');
    const wangClient = await loginCandidate(test, 'WRT2026', 'WRT2026002');
    expect(await myResults(liClient)).toEqual([]);
    expect(await myResults(wangClient)).toEqual([]);
    const published = await admin.post(`${examUrl()}/results/publish`);
    expect(published.statusCode).toBe(200);
    const again = await admin.post(`${examUrl()}/results/publish`);
    expect(again.json()).toEqual(published.json());
    expect(await myResults(liClient)).toEqual([
      expect.objectContaining({
        examName: '2026年成人学位外语在线考试',
        aggregate: 81.17,
        maxTotal: 100,
      }),
    ]);
    // Not confirmed yet: nothing, not even the exam's name.
    expect(await myResults(wangClient)).toEqual([]);
    await panel[0]?.post(`/api/examiner/registrations/${wang}/confirm`);
    expect((await myResults(wangClient)).map((r) => r.aggregate)).toEqual([80]);
    expect((await auditEntries(admin, 'results.')).map((e) => e.targetId)).toEqual([
      ids.writtenExamId,
    ]);
  });

  it('keeps an unpublished exam’s results from its candidates', async () => {
    const zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    expect(await myResults(zhang)).toEqual([]);
    expect((await zhang.get('/api/me/results')).body).not.toContain('aggregate');
  });
});
