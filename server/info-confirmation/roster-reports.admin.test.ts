import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { auditEntries, loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';

interface ReportItem {
  id: string;
  state: string;
  candidateName: string;
  maskedIdNumber: string | null;
  phone: string | null;
  collegeName: string | null;
  examName: string | null;
  sessionName: string | null;
  admissionNumber: string | null;
  message: string;
  resolutionNote: string | null;
  resolverName: string | null;
}

describe('信息纠错: the admins handle reports of wrong roster data', () => {
  let test: TestApp;
  let li: TestClient;
  let wang: TestClient;
  let admin: TestClient;
  let collegeAdmin: TestClient;
  let liWritten: string;
  let wangWritten: string;
  let liReportId: string;
  let wangReportId: string;

  const reportUrl = (id: string) => `/api/me/registrations/${id}/identity/reports`;
  const resolveUrl = (id: string) => `/api/admin/roster-reports/${id}/resolve`;
  const listOf = async (client: TestClient, state: 'open' | 'resolved') => {
    const response = await client.get(`/api/admin/roster-reports?state=${state}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ items: ReportItem[]; total: number }>();
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    li = await loginCandidate(test, 'WRT2026', 'WRT2026001');
    wang = await loginCandidate(test, 'WRT2026', 'WRT2026002');
    liWritten = await registrationIdOf(li, 'WRT2026001');
    wangWritten = await registrationIdOf(wang, 'WRT2026002');
    admin = await loginStaff(test, 'admin');
    collegeAdmin = await loginStaff(test, 'fl_admin');

    const fromLi = await li.post(reportUrl(liWritten), { message: '手机号已更换' });
    liReportId = fromLi.json<{ latestReport: { id: string } }>().latestReport.id;
    test.clock.advance(60_000);
    const fromWang = await wang.post(reportUrl(wangWritten), { message: '姓名有错别字' });
    wangReportId = fromWang.json<{ latestReport: { id: string } }>().latestReport.id;
  });
  afterAll(() => test.close());

  it('reaches the school admin, newest first, with who and what it is about', async () => {
    const list = await listOf(admin, 'open');
    expect(list.total).toBe(2);
    expect(list.items.map((item) => item.id)).toEqual([wangReportId, liReportId]);
    const wangPerson = DEMO_CANDIDATES[2];
    expect(list.items[0]).toMatchObject({
      state: 'open',
      candidateName: '王五',
      phone: wangPerson.phone,
      collegeName: '计算机学院',
      examName: '2026年成人学位外语在线考试',
      sessionName: '学位外语第一考场',
      admissionNumber: 'WRT2026002',
      message: '姓名有错别字',
      resolutionNote: null,
    });
    expect(JSON.stringify(list)).not.toContain(wangPerson.idNumber);
    expect(list.items[0]?.maskedIdNumber).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
  });

  it('reaches the college admin of that college only', async () => {
    const list = await listOf(collegeAdmin, 'open');
    expect(list.total).toBe(1);
    expect(list.items.map((item) => item.candidateName)).toEqual(['李四']);

    const outOfScope = await collegeAdmin.post(resolveUrl(wangReportId), { note: '已处理' });
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json().error.code).toBe('NOT_FOUND');
    expect((await listOf(admin, 'open')).total).toBe(2);
  });

  it('is not listed for candidates', async () => {
    const response = await li.get('/api/admin/roster-reports');
    expect(response.statusCode).toBe(403);
  });

  it('resolves with a note, once; the candidate sees the answer', async () => {
    const empty = await collegeAdmin.post(resolveUrl(liReportId), { note: ' ' });
    expect(empty.statusCode).toBe(400);

    const resolved = await collegeAdmin.post(resolveUrl(liReportId), {
      note: '已重新导入名单，手机号已更新',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      id: liReportId,
      state: 'resolved',
      resolutionNote: '已重新导入名单，手机号已更新',
      resolverName: '外国语学院管理员',
      resolvedAt: test.clock.now().toISOString(),
    });

    const twice = await admin.post(resolveUrl(liReportId), { note: '再次处理' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('CONFLICT');

    expect((await listOf(admin, 'open')).items.map((item) => item.id)).toEqual([wangReportId]);
    expect((await listOf(collegeAdmin, 'resolved')).items.map((item) => item.id)).toEqual([
      liReportId,
    ]);
    const seen = (await li.get(`/api/me/registrations/${liWritten}/identity`)).json();
    expect(seen.latestReport).toMatchObject({
      state: 'resolved',
      resolutionNote: '已重新导入名单，手机号已更新',
    });
  });

  it('opens a new report after the previous one was resolved', async () => {
    test.clock.advance(60_000);
    const again = await li.post(reportUrl(liWritten), { message: '照片不是我的' });
    const report = again.json<{ latestReport: { id: string; state: string } }>().latestReport;
    expect(report.state).toBe('open');
    expect(report.id).not.toBe(liReportId);
    expect((await listOf(collegeAdmin, 'open')).total).toBe(1);
  });

  it('pages the list', async () => {
    const page = await admin.get('/api/admin/roster-reports?state=open&page=2&pageSize=1');
    const body = page.json<{ items: ReportItem[]; total: number }>();
    expect(body.total).toBe(2);
    expect(body.items.map((item) => item.id)).toEqual([wangReportId]);
  });

  it('audits creating and resolving', async () => {
    const resolved = await auditEntries(admin, 'roster_report.resolved');
    expect(resolved).toEqual([
      expect.objectContaining({ targetId: liReportId, actorName: '外国语学院管理员' }),
    ]);
    const created = await auditEntries(admin, 'roster_report.created');
    expect(created.map((entry) => entry.targetId)).toEqual(
      expect.arrayContaining([liReportId, wangReportId]),
    );
  });
});
