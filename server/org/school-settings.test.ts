import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginCandidate, loginStaff } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

const SETTINGS = '/api/admin/school/settings';

describe('School settings: the time zone times are shown in', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
  });
  afterAll(() => test.close());

  const zoneOfMe = async (client: TestClient) =>
    (await client.get('/api/auth/me')).json<{ user: { schoolTimeZone: string | null } }>().user
      .schoolTimeZone;

  it('is Beijing time for a Chinese school, and every logged-in user of it is told', async () => {
    const admin = await loginStaff(test, 'admin');
    expect((await admin.get(SETTINGS)).json()).toMatchObject({ timeZone: 'Asia/Shanghai' });
    expect(await zoneOfMe(admin)).toBe('Asia/Shanghai');
    const candidate = await loginCandidate(test, 'INT2026', 'INT2026001');
    expect(await zoneOfMe(candidate)).toBe('Asia/Shanghai');
    const platform = new TestClient(test.app);
    await platform.post('/api/auth/login/staff', {
      login: 'platform',
      password: DEMO_STAFF_PASSWORD,
    });
    expect(await zoneOfMe(platform)).toBeNull();
    expect((await platform.get(SETTINGS)).statusCode).toBe(403);
  });

  it('refuses a zone name the runtime does not know', async () => {
    const admin = await loginStaff(test, 'admin');
    for (const timeZone of ['Mars/Olympus', '', 'UTC+8', 'x'.repeat(80)]) {
      const response = await admin.put(SETTINGS, { timeZone });
      expect(response.statusCode, timeZone).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await admin.get(SETTINGS)).json().timeZone).toBe('Asia/Shanghai');
  });

  it('lets only the school admin change it, and records the change', async () => {
    const flAdmin = await loginStaff(test, 'fl_admin');
    expect((await flAdmin.put(SETTINGS, { timeZone: 'Europe/Berlin' })).statusCode).toBe(403);
    const candidate = await loginCandidate(test, 'INT2026', 'INT2026001');
    expect((await candidate.get(SETTINGS)).statusCode).toBe(403);

    const admin = await loginStaff(test, 'admin');
    const saved = await admin.put(SETTINGS, { timeZone: 'Europe/Berlin' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ timeZone: 'Europe/Berlin' });
    expect(await zoneOfMe(flAdmin)).toBe('Europe/Berlin');
    const entries = await auditEntries(admin, 'school.time_zone_set');
    expect(entries.map((entry) => entry.detail)).toEqual(['Asia/Shanghai → Europe/Berlin']);
  });
});
