import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

const li = DEMO_CANDIDATES[1];
const initial = li.idNumber.slice(-6);
const idLogin = (client: TestClient, password: string) =>
  client.post('/api/auth/login/id-number', { schoolSlug: 'demo', idNumber: li.idNumber, password });
const staffLogin = (
  client: TestClient,
  login: string,
  password: string,
  schoolSlug: string | null = 'demo',
) =>
  client.post('/api/auth/login/staff', { ...(schoolSlug ? { schoolSlug } : {}), login, password });

describe('Password logins (docs/journeys.md J5) and staff', () => {
  let test: TestApp;
  let client: TestClient;

  beforeEach(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    client = new TestClient(test.app);
  });
  afterEach(() => test.close());

  it('forces a password change after the first login with the last 6 characters of the ID number', async () => {
    const first = await idLogin(client, initial);
    expect(first.statusCode).toBe(200);
    expect(first.json().user).toMatchObject({ name: '李四', mustChangePassword: true });

    const blocked = await client.get('/api/me/registrations');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await client.post('/api/auth/password/change', {
      currentPassword: initial,
      newPassword: 'short',
    });
    expect(weak.json().error.code).toBe('VALIDATION_FAILED');

    const changed = await client.post('/api/auth/password/change', {
      currentPassword: initial,
      newPassword: 'Exam2026pass',
    });
    expect(changed.json().user.mustChangePassword).toBe(false);
    const rooms = await client.get('/api/me/registrations');
    expect(rooms.statusCode).toBe(200);
    expect(rooms.json().items.map((r: { sessionName: string }) => r.sessionName)).toEqual([
      // By start: the written exam began 25 minutes before the demo started, the interview 10.
      '学位外语第一考场',
      '外国语学院面试第一考场',
    ]);

    const fresh = new TestClient(test.app);
    expect((await idLogin(fresh, initial)).json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await idLogin(fresh, 'Exam2026pass')).json().user.mustChangePassword).toBe(false);
  });

  it('logs a candidate in with exam ID and admission number (docs/journeys.md J3)', async () => {
    const ok = await client.post('/api/auth/login/admission', {
      schoolSlug: 'demo',
      examCode: 'WRT2026',
      admissionNumber: li.written,
    });
    expect(ok.json().user.name).toBe('李四');
    const bad = await client.post('/api/auth/login/admission', {
      schoolSlug: 'demo',
      examCode: 'WRT2026',
      admissionNumber: 'NOPE',
    });
    expect(bad.json().error.code).toBe('ADMISSION_NOT_FOUND');
  });

  it('logs staff in by username, and platform admins without a school', async () => {
    const admin = await staffLogin(client, 'admin', DEMO_STAFF_PASSWORD);
    expect(admin.json().user).toMatchObject({ role: 'school_admin', schoolSlug: 'demo' });
    expect(
      (await staffLogin(new TestClient(test.app), 'platform', DEMO_STAFF_PASSWORD)).statusCode,
    ).toBe(401);
    const platform = await staffLogin(
      new TestClient(test.app),
      'platform',
      DEMO_STAFF_PASSWORD,
      null,
    );
    expect(platform.json().user).toMatchObject({ role: 'platform_admin', schoolId: null });
  });

  it('does not let a candidate in through the staff form', async () => {
    const response = await staffLogin(client, li.phone, initial);
    expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('remembers the language per user and answers errors in it', async () => {
    await staffLogin(client, 'admin', DEMO_STAFF_PASSWORD);
    expect((await client.put('/api/auth/me/locale', { locale: 'en' })).json().user.locale).toBe(
      'en',
    );
    const again = new TestClient(test.app);
    expect((await staffLogin(again, 'admin', DEMO_STAFF_PASSWORD)).json().user.locale).toBe('en');
    const refused = await again.get('/api/me/registrations');
    expect(refused.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You are not allowed to do this',
    });
  });
});
