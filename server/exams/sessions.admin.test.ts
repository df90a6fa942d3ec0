import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.js';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { postponeWrittenSession } from '../written-exam/written-test-helpers.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

interface SessionItem {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  status: string;
  candidateCount: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('ExamAdminService: sessions (考场)', () => {
  let test: TestApp;
  let admin: TestClient;
  let flAdmin: TestClient;
  const examIds: Record<string, string> = {};
  const sessionsOf = async (client: TestClient, code: string) =>
    (await client.get(`/api/admin/exams/${examIds[code]}/sessions`)).json<{
      serverTime: string;
      items: SessionItem[];
    }>();
  const inMinutes = (minutes: number) =>
    new Date(test.clock.now().getTime() + minutes * MINUTE).toISOString();

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    await postponeWrittenSession(test, 20);
    admin = await loginStaff(test, 'admin');
    flAdmin = await loginStaff(test, 'fl_admin');
    const items = (await admin.get('/api/admin/exams')).json<{
      items: { id: string; code: string }[];
    }>().items;
    for (const item of items) examIds[item.code] = item.id;
  });
  afterAll(() => test.close());

  it('lists the sessions of an exam with their status and candidate count', async () => {
    const body = await sessionsOf(admin, 'INT2026');
    expect(body.serverTime).toBe(test.clock.now().toISOString());
    expect(body.items).toEqual([
      expect.objectContaining({
        name: '外国语学院面试第一考场',
        status: 'in_progress',
        candidateCount: 5,
      }),
    ]);
    expect((await sessionsOf(admin, 'WRT2026')).items[0]?.status).toBe('not_started');
  });

  it('hides another college’s sessions from a college admin', async () => {
    const response = await flAdmin.get(`/api/admin/exams/${examIds.WRT2026}/sessions`);
    expect(response.statusCode).toBe(404);
    const written = (await sessionsOf(admin, 'WRT2026')).items[0];
    const edit = await flAdmin.put(`/api/admin/sessions/${written?.id}`, {
      name: 'x',
      startsAt: inMinutes(10),
      endsAt: inMinutes(20),
    });
    expect(edit.statusCode).toBe(404);
    const create = await flAdmin.post(`/api/admin/exams/${examIds.WRT2026}/sessions`, {
      name: 'x',
      startsAt: inMinutes(10),
      endsAt: inMinutes(20),
    });
    expect(create.statusCode).toBe(404);
  });

  it('refuses a candidate', async () => {
    const candidate = new TestClient(test.app);
    const { idNumber } = DEMO_CANDIDATES[2];
    await candidate.post('/api/auth/login/id-number', {
      schoolSlug: 'demo',
      idNumber,
      password: idNumber.slice(-6),
    });
    await candidate.post('/api/auth/password/change', {
      currentPassword: idNumber.slice(-6),
      newPassword: 'Candidate2026',
    });
    const response = await candidate.get(`/api/admin/exams/${examIds.INT2026}/sessions`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });

  it('refuses an end that is not after the start', async () => {
    const url = `/api/admin/exams/${examIds.INT2026}/sessions`;
    for (const endsAt of [inMinutes(60), inMinutes(30)]) {
      const response = await flAdmin.post(url, {
        name: '第二考场',
        startsAt: inMinutes(60),
        endsAt,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('INVALID_TIME_RANGE');
    }
  });

  it('computes the status from the server clock as time passes', async () => {
    const created = await flAdmin.post(`/api/admin/exams/${examIds.INT2026}/sessions`, {
      name: '外国语学院面试第二考场',
      startsAt: inMinutes(60),
      endsAt: inMinutes(120),
    });
    expect(created.statusCode).toBe(200);
    const session = created.json<SessionItem>();
    expect(session).toMatchObject({ status: 'not_started', candidateCount: 0 });
    const statusNow = async () =>
      (await sessionsOf(admin, 'INT2026')).items.find((item) => item.id === session.id)?.status;

    test.clock.advance(31 * MINUTE); // pre-entry is 30 minutes before the start
    expect(await statusNow()).toBe('check_in_open');
    test.clock.advance(30 * MINUTE);
    expect(await statusNow()).toBe('in_progress');
    test.clock.advance(HOUR);
    expect(await statusNow()).toBe('ended');

    const actions = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, session.id));
    expect(actions.map((row) => row.action)).toEqual(['session.created']);
  });

  it('renames an ended session but refuses to move its times', async () => {
    const ended = (await sessionsOf(admin, 'INT2026')).items.find(
      (item) => item.status === 'ended',
    );
    if (!ended) throw new Error('no ended session');
    const moved = await admin.put(`/api/admin/sessions/${ended.id}`, {
      name: ended.name,
      startsAt: ended.startsAt,
      endsAt: inMinutes(60),
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.code).toBe('CONFLICT');
    const renamed = await admin.put(`/api/admin/sessions/${ended.id}`, {
      name: '面试第二考场（已结束）',
      startsAt: ended.startsAt,
      endsAt: ended.endsAt,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '面试第二考场（已结束）', status: 'ended' });
  });

  it('reschedules a session that has not ended', async () => {
    const written = (await sessionsOf(admin, 'WRT2026')).items[0];
    if (!written) throw new Error('no written session');
    const response = await admin.put(`/api/admin/sessions/${written.id}`, {
      name: written.name,
      startsAt: inMinutes(24 * 60),
      endsAt: inMinutes(26 * 60),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ startsAt: inMinutes(24 * 60), status: 'not_started' });
  });

  it('deletes a session only while nobody is registered in it', async () => {
    const items = (await sessionsOf(admin, 'INT2026')).items;
    const withCandidates = items.find((item) => item.candidateCount > 0);
    const empty = items.find((item) => item.candidateCount === 0);
    const refused = await admin.request('DELETE', `/api/admin/sessions/${withCandidates?.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT');
    const deleted = await admin.request('DELETE', `/api/admin/sessions/${empty?.id}`);
    expect(deleted.statusCode).toBe(200);
    expect((await sessionsOf(admin, 'INT2026')).items).toHaveLength(1);
    const actions = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, empty?.id ?? ''));
    expect(actions.map((row) => row.action)).toContain('session.deleted');
  });
});
