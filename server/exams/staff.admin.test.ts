import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, auditLog, college, school } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

interface SessionStaff {
  waitingExaminerIds: string[];
  panelExaminerIds: string[];
  panelChairId: string | null;
  proctorIds: string[];
  options: { id: string; name: string; role: string }[];
}

describe('ExamAdminService: staff assignments', () => {
  let test: TestApp;
  let admin: TestClient;
  let flAdmin: TestClient;
  let interviewSessionId = '';
  let writtenSessionId = '';
  const ids: Record<string, string> = {};
  const id = (username: string) => {
    const found = ids[username];
    if (!found) throw new Error(`no user ${username}`);
    return found;
  };
  const staffBody = (overrides: Record<string, unknown> = {}) => ({
    waitingExaminerIds: [id('waiting1')],
    panelExaminerIds: [id('panel1'), id('panel2')],
    panelChairId: id('panel1'),
    proctorIds: [id('proctor1')],
    ...overrides,
  });
  const putStaff = (client: TestClient, body: unknown, sessionId = interviewSessionId) =>
    client.put(`/api/admin/sessions/${sessionId}/staff`, body);

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    const { db } = test.database;
    const [demo] = await db.select().from(school).where(eq(school.slug, 'demo'));
    const [cs] = await db.select().from(college).where(eq(college.name, '计算机学院'));
    const [other] = await db.insert(school).values({ slug: 'other', name: '别的大学' }).returning();
    await db.insert(appUser).values([
      { schoolId: other?.id, role: 'examiner', name: '外校考官', username: 'stranger' },
      {
        schoolId: demo?.id,
        collegeId: cs?.id,
        role: 'examiner',
        name: '计算机考官',
        username: 'cs1',
      },
    ]);
    for (const row of await db.select().from(appUser)) if (row.username) ids[row.username] = row.id;
    admin = await loginStaff(test, 'admin');
    flAdmin = await loginStaff(test, 'fl_admin');
    const overview = (await admin.get('/api/admin/overview')).json<{
      sessions: { sessionId: string; examKind: string }[];
    }>();
    for (const session of overview.sessions) {
      if (session.examKind === 'interview') interviewSessionId = session.sessionId;
      else writtenSessionId = session.sessionId;
    }
  });
  afterAll(() => test.close());

  it('shows the seeded staff by duty and the examiners and proctors to choose from', async () => {
    const body = (
      await admin.get(`/api/admin/sessions/${interviewSessionId}/staff`)
    ).json<SessionStaff>();
    expect(body).toMatchObject({
      waitingExaminerIds: [id('waiting1')],
      panelChairId: id('panel1'),
      proctorIds: [id('proctor1')],
    });
    expect(body.panelExaminerIds.sort()).toEqual([id('panel1'), id('panel2')].sort());
    const options = body.options.map((option) => option.id);
    expect(options).toEqual(expect.arrayContaining([id('waiting1'), id('proctor1'), id('cs1')]));
    expect(options).not.toContain(id('stranger'));
    expect(options).not.toContain(id('admin'));
  });

  it('replaces the staff of a session and shows it on the examiner’s home', async () => {
    const response = await putStaff(
      admin,
      staffBody({
        waitingExaminerIds: [id('panel2')],
        panelExaminerIds: [id('panel1'), id('cs1')],
        panelChairId: id('cs1'),
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      panelChairId: id('cs1'),
      waitingExaminerIds: [id('panel2')],
    });

    const dutiesOf = async (login: string) =>
      (await (await loginStaff(test, login)).get('/api/me/assignments'))
        .json<{ items: { duty: string }[] }>()
        .items.map((item) => item.duty);
    expect(await dutiesOf('panel2')).toEqual(['waiting_examiner']);
    expect(await dutiesOf('panel1')).toEqual(['panel_examiner']);
    const waiting1 = await loginStaff(test, 'waiting1');
    expect((await waiting1.get('/api/me/assignments')).json().items).toEqual([]);

    const audit = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, interviewSessionId));
    expect(audit.map((row) => row.action)).toEqual(['session.staff_set']);
  });

  it('refuses a proctor as panel examiner and an examiner as proctor', async () => {
    for (const body of [
      staffBody({ panelExaminerIds: [id('panel1'), id('proctor1')] }),
      staffBody({ proctorIds: [id('panel2')] }),
      staffBody({ waitingExaminerIds: [id('fl_admin')] }),
    ]) {
      const response = await putStaff(admin, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('requires the chair to sit on the panel, and 1 to 7 panel examiners for an interview', async () => {
    const chair = await putStaff(admin, staffBody({ panelChairId: id('waiting1') }));
    expect(chair.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'panelChairId', message: 'CHAIR_NOT_ON_PANEL' }],
    });
    const eight = Array.from({ length: 8 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    const tooMany = await putStaff(
      admin,
      staffBody({ panelExaminerIds: eight, panelChairId: null }),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.issues[0].path).toBe('panelExaminerIds');
    const none = await putStaff(admin, staffBody({ panelExaminerIds: [], panelChairId: null }));
    expect(none.json().error.code).toBe('VALIDATION_FAILED');
    const twice = await putStaff(
      admin,
      staffBody({ proctorIds: [id('proctor1'), id('proctor1')] }),
    );
    expect(twice.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lets a written session have proctors only', async () => {
    const response = await putStaff(
      admin,
      {
        waitingExaminerIds: [],
        panelExaminerIds: [],
        panelChairId: null,
        proctorIds: [id('proctor1')],
      },
      writtenSessionId,
    );
    expect(response.statusCode).toBe(200);
  });

  it('refuses staff of another school', async () => {
    const response = await putStaff(admin, staffBody({ waitingExaminerIds: [id('stranger')] }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lets a college admin bring in staff of their college only', async () => {
    await putStaff(admin, staffBody());
    const options = (await flAdmin.get(`/api/admin/sessions/${interviewSessionId}/staff`))
      .json<SessionStaff>()
      .options.map((option) => option.id);
    expect(options).not.toContain(id('cs1'));
    // The school-wide proctor already assigned stays offered, so the form still saves.
    expect(options).toContain(id('proctor1'));
    expect((await putStaff(flAdmin, staffBody())).statusCode).toBe(200);
    const outsider = await putStaff(flAdmin, staffBody({ waitingExaminerIds: [id('cs1')] }));
    expect(outsider.json().error.code).toBe('VALIDATION_FAILED');
    const written = await flAdmin.get(`/api/admin/sessions/${writtenSessionId}/staff`);
    expect(written.statusCode).toBe(404);
  });

  it('refuses examiners', async () => {
    const panel1 = await loginStaff(test, 'panel1');
    expect((await panel1.get(`/api/admin/sessions/${interviewSessionId}/staff`)).statusCode).toBe(
      403,
    );
    expect((await putStaff(panel1, staffBody())).statusCode).toBe(403);
  });
});
