import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, exam } from '../db/schema/index.js';
import { DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

interface ExamItem {
  id: string;
  code: string;
  name: string;
  collegeId: string | null;
  collegeName: string | null;
  registrationCount: number;
  rules: Record<string, unknown>;
}

describe('ExamAdminService: exams', () => {
  let test: TestApp;
  let admin: TestClient;
  let flAdmin: TestClient;
  const examsOf = async (client: TestClient) =>
    (await client.get('/api/admin/exams')).json<{
      items: ExamItem[];
      colleges: { id: string; name: string }[];
    }>();
  const byCode = async (code: string) => {
    const found = (await examsOf(admin)).items.find((item) => item.code === code);
    if (!found) throw new Error(`no exam ${code}`);
    return found;
  };
  const newExam = (overrides: Record<string, unknown> = {}) => ({
    code: 'ORAL2026',
    name: '英语口语测试',
    kind: 'interview',
    rules: { faceCheckRetries: 2, secondCameraRequired: true },
    ...overrides,
  });
  const auditActions = async (targetId: string) =>
    (await test.database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId))).map(
      (row) => row.action,
    );

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await loginStaff(test, 'admin');
    flAdmin = await loginStaff(test, 'fl_admin');
  });
  afterAll(() => test.close());

  it('lists every exam of the school to a school admin, with the colleges to choose', async () => {
    const body = await examsOf(admin);
    expect(body.items.map((item) => item.code).sort()).toEqual(['INT2026', 'WRT2026']);
    expect(body.colleges.map((c) => c.name).sort()).toEqual(['外国语学院', '计算机学院'].sort());
    expect(await byCode('INT2026')).toMatchObject({
      collegeName: '外国语学院',
      registrationCount: 5,
    });
  });

  it('shows a college admin only the exams of their college', async () => {
    const body = await examsOf(flAdmin);
    expect(body.items.map((item) => item.code)).toEqual(['INT2026']);
    expect(body.colleges.map((c) => c.name)).toEqual(['外国语学院']);
    const written = await byCode('WRT2026');
    expect((await flAdmin.get(`/api/admin/exams/${written.id}`)).statusCode).toBe(404);
    const edit = await flAdmin.put(`/api/admin/exams/${written.id}`, newExam({ code: 'WRT2026' }));
    expect(edit.statusCode).toBe(404);
    expect((await flAdmin.request('DELETE', `/api/admin/exams/${written.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses examiners, proctors, platform admins and anonymous callers', async () => {
    for (const login of ['waiting1', 'proctor1']) {
      const client = await loginStaff(test, login);
      expect((await client.get('/api/admin/exams')).statusCode).toBe(403);
      expect((await client.post('/api/admin/exams', newExam())).statusCode).toBe(403);
    }
    const platform = new TestClient(test.app);
    await platform.post('/api/auth/login/staff', {
      login: 'platform',
      password: DEMO_STAFF_PASSWORD,
    });
    const response = await platform.get('/api/admin/exams');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect((await new TestClient(test.app).get('/api/admin/exams')).statusCode).toBe(401);
  });

  it('creates an exam with its rules defaulted and records it in the audit log', async () => {
    const response = await admin.post('/api/admin/exams', newExam({ pledgeText: ' 我承诺 ' }));
    expect(response.statusCode).toBe(200);
    const created = response.json<ExamItem & { pledgeText: string }>();
    expect(created).toMatchObject({ code: 'ORAL2026', collegeId: null, pledgeText: '我承诺' });
    expect(created.rules).toMatchObject({
      faceCheckRequired: true,
      faceCheckRetries: 2,
      secondCameraRequired: true,
      preEntryMinutes: 30,
      durationMinutes: null,
    });
    expect(await auditActions(created.id)).toEqual(['exam.created']);
  });

  it('refuses a 考试ID the school already uses, on create and on edit', async () => {
    const duplicate = await admin.post('/api/admin/exams', newExam({ code: 'INT2026' }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('DUPLICATE');
    const oral = await byCode('ORAL2026');
    const edit = await admin.put(`/api/admin/exams/${oral.id}`, newExam({ code: 'WRT2026' }));
    expect(edit.json().error.code).toBe('DUPLICATE');
    const keep = await admin.put(`/api/admin/exams/${oral.id}`, newExam({ name: '口语测试' }));
    expect(keep.statusCode).toBe(200);
    expect(keep.json().name).toBe('口语测试');
    expect(await auditActions(oral.id)).toEqual(['exam.created', 'exam.updated']);
  });

  it('refuses a minimum time before submit longer than the exam', async () => {
    const response = await admin.post(
      '/api/admin/exams',
      newExam({ code: 'BAD1', rules: { durationMinutes: 60, minMinutesBeforeSubmit: 90 } }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'rules.minMinutesBeforeSubmit', message: 'MIN_SUBMIT_AFTER_DURATION' }],
    });
    const unknownField = await admin.post('/api/admin/exams', { ...newExam(), schoolId: 'x' });
    expect(unknownField.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lets a college admin create exams of their own college only', async () => {
    const { colleges } = await examsOf(admin);
    const cs = colleges.find((c) => c.name === '计算机学院');
    const fl = colleges.find((c) => c.name === '外国语学院');
    const other = await flAdmin.post(
      '/api/admin/exams',
      newExam({ code: 'FL1', collegeId: cs?.id }),
    );
    expect(other.statusCode).toBe(403);
    const own = await flAdmin.post('/api/admin/exams', newExam({ code: 'FL1' }));
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ collegeId: fl?.id, collegeName: '外国语学院' });
    const moved = await flAdmin.put(
      `/api/admin/exams/${own.json<ExamItem>().id}`,
      newExam({ code: 'FL1', collegeId: cs?.id }),
    );
    expect(moved.statusCode).toBe(403);
  });

  it('refuses to delete an exam with registrations and deletes one without', async () => {
    const interview = await byCode('INT2026');
    const refused = await admin.request('DELETE', `/api/admin/exams/${interview.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT');
    const oral = await byCode('ORAL2026');
    expect((await admin.request('DELETE', `/api/admin/exams/${oral.id}`)).statusCode).toBe(200);
    const rows = await test.database.db.select().from(exam).where(eq(exam.id, oral.id));
    expect(rows).toEqual([]);
    expect(await auditActions(oral.id)).toContain('exam.deleted');
  });
});
