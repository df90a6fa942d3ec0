import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyIdentityReview, ReviewDetail, ReviewSummary } from '../../shared/api/documents.js';
import { auditLog } from '../db/schema/index.js';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidateWithId, loginStaff } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import { tinyPdf, tinyPng, uploadAs } from './test-files.js';

const MINUTE = 60_000;

describe('ReviewService: the admins review identity documents', () => {
  let test: TestApp;
  let admin: TestClient;
  let flAdmin: TestClient;
  let zhang: TestClient;
  let li: TestClient;
  let wang: TestClient;
  let zhangId: string;
  let liId: string;
  let wangId: string;

  const uploadAndSubmit = async (client: TestClient, files: [string, Buffer][]) => {
    for (const [name, bytes] of files) {
      expect((await uploadAs(test.app, client, name, bytes)).statusCode).toBe(200);
    }
    expect((await client.post('/api/me/documents/submit')).statusCode).toBe(200);
    test.clock.advance(MINUTE);
  };
  const queue = async (client: TestClient, query = '') => {
    const response = await client.get(`/api/admin/reviews${query}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ items: ReviewSummary[]; total: number }>();
  };
  const namesIn = async (client: TestClient, query = '') =>
    (await queue(client, query)).items.map((item) => item.candidateName);
  const errorCode = (response: { json: () => unknown }) =>
    (response.json() as { error: { code: string } }).error.code;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await loginStaff(test, 'admin');
    flAdmin = await loginStaff(test, 'fl_admin');
    ({ client: zhang, id: zhangId } = await loginCandidateWithId(test, 'INT2026', 'INT2026001'));
    ({ client: li, id: liId } = await loginCandidateWithId(test, 'INT2026', 'INT2026002'));
    ({ client: wang, id: wangId } = await loginCandidateWithId(test, 'WRT2026', 'WRT2026002'));
    await uploadAndSubmit(zhang, [
      ['证件照.png', tinyPng()],
      ['身份证.pdf', tinyPdf()],
    ]);
    await uploadAndSubmit(li, [['li.png', tinyPng()]]);
    await uploadAndSubmit(wang, [['wang.pdf', tinyPdf()]]);
  });
  afterAll(() => test.close());

  it('lists pending submissions oldest first, with masked ID numbers', async () => {
    const page = await queue(admin);
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.candidateName)).toEqual(['张三', '李四', '王五']);
    expect(page.items[0]).toMatchObject({ state: 'pending', documentCount: 2, userId: zhangId });
    const body = JSON.stringify(page);
    for (const person of DEMO_CANDIDATES) expect(body).not.toContain(person.idNumber);
    expect(await namesIn(admin, '?state=approved')).toEqual([]);
    expect((await queue(admin, '?pageSize=1&page=2')).items.map((i) => i.candidateName)).toEqual([
      '李四',
    ]);
  });

  it('searches by name and by ID number', async () => {
    expect(await namesIn(admin, `?q=${encodeURIComponent('李')}`)).toEqual(['李四']);
    const zhangIdNumber = DEMO_CANDIDATES[0].idNumber;
    expect(await namesIn(admin, `?q=${zhangIdNumber.slice(-6)}`)).toEqual(['张三']);
    expect(await namesIn(admin, '?q=%25')).toEqual([]);
  });

  it('shows a college admin only the candidates of their college; others answer 404', async () => {
    expect(await namesIn(flAdmin)).toEqual(['张三', '李四']);
    expect((await flAdmin.get(`/api/admin/reviews/${wangId}`)).statusCode).toBe(404);
    expect((await flAdmin.post(`/api/admin/reviews/${wangId}/approve`)).statusCode).toBe(404);
    const wangDetail = (await admin.get(`/api/admin/reviews/${wangId}`)).json<ReviewDetail>();
    const wangFile = wangDetail.documents[0]?.id ?? '';
    expect((await flAdmin.get(`/api/admin/documents/${wangFile}/file`)).statusCode).toBe(404);
    expect((await admin.get(`/api/admin/documents/${wangFile}/file`)).statusCode).toBe(200);
    expect((await flAdmin.get(`/api/admin/candidates/${wangId}/photo`)).statusCode).toBe(404);
    expect((await zhang.get('/api/admin/reviews')).statusCode).toBe(403);
    expect((await zhang.get(`/api/admin/documents/${wangFile}/file`)).statusCode).toBe(403);
  });

  it('serves documents inline or attached with safe headers, and the reference photo', async () => {
    const detail = (await flAdmin.get(`/api/admin/reviews/${zhangId}`)).json<ReviewDetail>();
    expect(detail).toMatchObject({ candidateName: '张三', hasPhoto: true, reviewerName: null });
    const png = detail.documents.find((document) => document.kind === 'png');
    const file = await flAdmin.get(`/api/admin/documents/${png?.id ?? ''}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(tinyPng())).toBe(true);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toMatch(/^inline; .*filename\*=UTF-8''/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toMatch(/^sandbox/);
    const photo = await flAdmin.get(`/api/admin/candidates/${zhangId}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toMatch(/^image\//);
  });

  it('rejects with a reason and a marked file; the candidate fixes it and it is approved', async () => {
    const before = (await flAdmin.get(`/api/admin/reviews/${zhangId}`)).json<ReviewDetail>();
    const pdf = before.documents.find((document) => document.kind === 'pdf');
    if (!pdf) throw new Error('no pdf');
    const wangDetail = (await admin.get(`/api/admin/reviews/${wangId}`)).json<ReviewDetail>();
    const notHis = await flAdmin.post(`/api/admin/reviews/${zhangId}/reject`, {
      reason: '身份证照片不清晰',
      documentIds: [wangDetail.documents[0]?.id],
    });
    expect(notHis.statusCode).toBe(400);

    const rejected = await flAdmin.post(`/api/admin/reviews/${zhangId}/reject`, {
      reason: '身份证照片不清晰',
      documentIds: [pdf.id],
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json<ReviewDetail>()).toMatchObject({
      state: 'rejected',
      reason: '身份证照片不清晰',
      reviewerName: '外国语学院管理员',
    });

    const seen = (await zhang.get('/api/me/documents')).json<MyIdentityReview>();
    expect(seen).toMatchObject({ status: 'rejected', reason: '身份证照片不清晰', editable: true });
    expect(seen.documents.find((document) => document.id === pdf.id)?.rejected).toBe(true);
    expect(seen.documents.filter((document) => document.rejected)).toHaveLength(1);

    expect((await zhang.request('DELETE', `/api/me/documents/${pdf.id}`)).statusCode).toBe(200);
    const reuploaded = await uploadAs(test.app, zhang, '身份证-清晰.pdf', tinyPdf());
    expect(reuploaded.json<MyIdentityReview>()).toMatchObject({
      status: 'rejected',
      reason: '身份证照片不清晰',
    });
    const resubmitted = (await zhang.post('/api/me/documents/submit')).json<MyIdentityReview>();
    expect(resubmitted).toMatchObject({ status: 'pending', reason: null, editable: false });
    expect(resubmitted.documents.some((document) => document.rejected)).toBe(false);

    test.clock.advance(MINUTE);
    const approved = await flAdmin.post(`/api/admin/reviews/${zhangId}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json<ReviewDetail>()).toMatchObject({ state: 'approved', reason: null });
    expect((await zhang.get('/api/me/documents')).json<MyIdentityReview>()).toMatchObject({
      status: 'approved',
      editable: false,
      reviewedAt: test.clock.now().toISOString(),
    });
    expect(await namesIn(admin, '?state=approved')).toEqual(['张三']);
    const actions = await test.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, zhangId));
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining(['documents.rejected', 'documents.approved']),
    );
  });

  it('answers REVIEW_NOT_PENDING to the second decision', async () => {
    const again = await flAdmin.post(`/api/admin/reviews/${zhangId}/approve`);
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('REVIEW_NOT_PENDING');
    const rejectApproved = await admin.post(`/api/admin/reviews/${zhangId}/reject`, {
      reason: 'late',
    });
    expect(errorCode(rejectApproved)).toBe('REVIEW_NOT_PENDING');
  });

  it('lets exactly one of two reviewers deciding at once win', async () => {
    const [first, second] = await Promise.all([
      admin.post(`/api/admin/reviews/${liId}/approve`),
      flAdmin.post(`/api/admin/reviews/${liId}/reject`, { reason: '材料不全' }),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(errorCode(loser)).toBe('REVIEW_NOT_PENDING');
    const detail = (await admin.get(`/api/admin/reviews/${liId}`)).json<ReviewDetail>();
    expect(detail.state).toBe(first.statusCode === 200 ? 'approved' : 'rejected');
  });
});
