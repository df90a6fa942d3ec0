import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, loginStaff } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

const BASE = '/api/admin/announcements';

describe('Announcements', () => {
  let test: TestApp;
  let admin: TestClient;
  let flAdmin: TestClient;
  let zhangsan: TestClient;
  let wangwu: TestClient;
  let colleges: Record<string, string>;

  const create = (client: TestClient, body: Record<string, unknown>) =>
    client.post(BASE, { bodyHtml: '<p>内容</p>', ...body });
  const titles = (items: { title: string }[]) => items.map((item) => item.title);
  const auditActions = async (targetId: string) =>
    (
      await test.database.db
        .select({ action: auditLog.action, actorId: auditLog.actorId })
        .from(auditLog)
        .where(eq(auditLog.targetId, targetId))
    ).map((row) => row.action);

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await loginStaff(test, 'admin');
    flAdmin = await loginStaff(test, 'fl_admin');
    zhangsan = await loginCandidate(test, 'INT2026', 'INT2026001');
    wangwu = await loginCandidate(test, 'WRT2026', 'WRT2026002');
    const school = (await new TestClient(test.app).get('/api/schools/demo')).json();
    colleges = Object.fromEntries(
      school.colleges.map((c: { id: string; name: string }) => [c.name, c.id]),
    );
  });
  afterAll(() => test.close());

  it('sanitises the body on the server and keeps the allowed formatting', async () => {
    const response = await create(admin, {
      title: '  <b>标题</b> 不解析  ',
      bodyHtml:
        '<p style="color:red" class="x">考试<strong>须知</strong><em>斜体</em><u>下</u><s>删</s></p>' +
        '<script>alert(1)</script><img src="x" onerror="alert(1)">' +
        '<ul><li>一</li></ul><h3>小标题</h3><blockquote>引</blockquote>' +
        '<a href="javascript:alert(1)">坏链接</a> <a href="https://example.edu/a" onclick="x">好链接</a>' +
        ' <a href="mailto:office@example.edu">邮件</a><iframe src="https://evil"></iframe>',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.title).toBe('<b>标题</b> 不解析');
    expect(body.bodyHtml).toBe(
      '<p>考试<strong>须知</strong><em>斜体</em><u>下</u><s>删</s></p>' +
        '<ul><li>一</li></ul><h3>小标题</h3><blockquote>引</blockquote>' +
        '坏链接 <a href="https://example.edu/a" rel="noopener noreferrer" target="_blank">好链接</a>' +
        ' <a href="mailto:office@example.edu" rel="noopener noreferrer" target="_blank">邮件</a>',
    );
    expect(body).toMatchObject({ status: 'draft', publishedAt: null, collegeId: null });
    expect(body.authorName).toBe('学校管理员');
  });

  it('refuses a body that is empty once sanitised, and an over-long body or title', async () => {
    for (const bodyHtml of ['<script>alert(1)</script>', '<p><br></p>&nbsp;', '<img src=x>']) {
      const response = await create(admin, { title: '空', bodyHtml });
      expect(response.statusCode, bodyHtml).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await create(admin, { title: '长', bodyHtml: 'x'.repeat(50_001) })).statusCode).toBe(
      400,
    );
    expect((await create(admin, { title: 'x'.repeat(201) })).statusCode).toBe(400);
    expect((await create(admin, { title: '   ' })).statusCode).toBe(400);
  });

  it('shows candidates only published announcements of their school and college', async () => {
    const fl = colleges['外国语学院'];
    const cs = colleges['计算机学院'];
    await create(admin, { title: '全校草稿' });
    const schoolWide = (await create(admin, { title: '全校已发布', published: true })).json();
    test.clock.advance(60_000);
    await create(admin, { title: '外院已发布', collegeId: fl, published: true });
    await create(flAdmin, { title: '外院草稿', collegeId: fl });
    test.clock.advance(60_000);
    await create(admin, { title: '计院已发布', collegeId: cs, published: true });
    test.clock.advance(60_000);
    await create(admin, { title: '全校较新', published: true });

    const mine = (await zhangsan.get('/api/me/announcements')).json();
    expect(titles(mine.school)).toEqual(['全校较新', '全校已发布']);
    expect(titles(mine.college)).toEqual(['外院已发布']);
    expect(mine.school[1]).toEqual({
      id: schoolWide.id,
      title: '全校已发布',
      bodyHtml: '<p>内容</p>',
      publishedAt: schoolWide.publishedAt,
    });

    const other = (await wangwu.get('/api/me/announcements')).json();
    expect(titles(other.school)).toEqual(['全校较新', '全校已发布']);
    expect(titles(other.college)).toEqual(['计院已发布']);
  });

  it('takes an unpublished announcement away from candidates', async () => {
    const created = (await create(admin, { title: '临时通知', published: true })).json();
    expect(titles((await zhangsan.get('/api/me/announcements')).json().school)).toContain(
      '临时通知',
    );
    const response = await admin.put(`${BASE}/${created.id}/published`, { published: false });
    expect(response.json()).toMatchObject({ status: 'draft', publishedAt: null });
    expect(titles((await zhangsan.get('/api/me/announcements')).json().school)).not.toContain(
      '临时通知',
    );
    expect(await auditActions(created.id)).toEqual([
      'announcement.created',
      'announcement.published',
      'announcement.unpublished',
    ]);
  });

  it('lets a college admin write only for their college and read the school-wide ones', async () => {
    const fl = colleges['外国语学院'];
    const cs = colleges['计算机学院'];
    expect((await create(flAdmin, { title: '越权全校' })).statusCode).toBe(403);
    expect((await create(flAdmin, { title: '越权计院', collegeId: cs })).statusCode).toBe(403);

    const list = (await flAdmin.get(BASE)).json();
    expect(list.canWriteSchoolWide).toBe(false);
    expect(list.colleges.map((c: { name: string }) => c.name)).toEqual(['外国语学院']);
    expect(titles(list.items)).not.toContain('计院已发布');
    const schoolWide = list.items.find((item: { title: string }) => item.title === '全校较新');
    expect(schoolWide.canEdit).toBe(false);
    const own = list.items.find((item: { title: string }) => item.title === '外院草稿');
    expect(own).toMatchObject({ canEdit: true, collegeName: '外国语学院', status: 'draft' });

    const edit = { title: '改', bodyHtml: '<p>改</p>', collegeId: fl };
    expect((await flAdmin.put(`${BASE}/${schoolWide.id}`, edit)).statusCode).toBe(403);
    expect(
      (await flAdmin.put(`${BASE}/${schoolWide.id}/published`, { published: false })).statusCode,
    ).toBe(403);
    expect((await flAdmin.request('DELETE', `${BASE}/${schoolWide.id}`)).statusCode).toBe(403);
    expect((await flAdmin.put(`${BASE}/${own.id}`, { ...edit, collegeId: null })).statusCode).toBe(
      403,
    );

    const csItem = (await admin.get(BASE))
      .json()
      .items.find((item: { title: string }) => item.title === '计院已发布');
    expect((await flAdmin.put(`${BASE}/${csItem.id}`, edit)).statusCode).toBe(404);
    expect((await flAdmin.request('DELETE', `${BASE}/${csItem.id}`)).statusCode).toBe(404);
  });

  it('edits, publishes and deletes with an audit entry for each change', async () => {
    const fl = colleges['外国语学院'];
    const created = (await create(flAdmin, { title: '面试安排', collegeId: fl })).json();
    const edited = await flAdmin.put(`${BASE}/${created.id}`, {
      title: '面试安排（更新）',
      bodyHtml: '<p>九点<b>开始</b></p><img src=x>',
      collegeId: fl,
    });
    expect(edited.json()).toMatchObject({
      title: '面试安排（更新）',
      bodyHtml: '<p>九点<b>开始</b></p>',
      status: 'draft',
    });
    const published = await flAdmin.put(`${BASE}/${created.id}/published`, { published: true });
    expect(published.json().status).toBe('published');
    expect(titles((await zhangsan.get('/api/me/announcements')).json().college)).toContain(
      '面试安排（更新）',
    );
    expect(titles((await wangwu.get('/api/me/announcements')).json().college)).not.toContain(
      '面试安排（更新）',
    );

    const deleted = await flAdmin.request('DELETE', `${BASE}/${created.id}`);
    expect(deleted.json()).toEqual({ ok: true });
    expect((await flAdmin.request('DELETE', `${BASE}/${created.id}`)).statusCode).toBe(404);
    expect(titles((await zhangsan.get('/api/me/announcements')).json().college)).not.toContain(
      '面试安排（更新）',
    );
    expect(await auditActions(created.id)).toEqual([
      'announcement.created',
      'announcement.updated',
      'announcement.published',
      'announcement.deleted',
    ]);
  });

  it('lists newest first for a school admin, with every college', async () => {
    const list = (await admin.get(BASE)).json();
    expect(list.canWriteSchoolWide).toBe(true);
    expect(list.colleges).toHaveLength(2);
    const created = list.items.map((item: { createdAt: string }) => item.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(titles(list.items)).toEqual(expect.arrayContaining(['计院已发布', '外院草稿']));
  });

  it('refuses the admin routes to candidates and examiners, and the candidate route to staff', async () => {
    const examiner = await loginStaff(test, 'waiting1');
    for (const client of [zhangsan, examiner]) {
      expect((await client.get(BASE)).statusCode).toBe(403);
      expect((await create(client, { title: '不行' })).statusCode).toBe(403);
    }
    expect((await examiner.get('/api/me/announcements')).statusCode).toBe(403);
    expect((await admin.get('/api/me/announcements')).statusCode).toBe(403);
    expect((await new TestClient(test.app).get('/api/me/announcements')).statusCode).toBe(401);
  });
});
