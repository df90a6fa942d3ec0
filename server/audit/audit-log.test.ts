import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

interface Entry {
  action: string;
  actorUsername: string | null;
  targetName: string | null;
  detail: string | null;
  createdAt: string;
}
interface Page {
  items: Entry[];
  total: number;
}

describe('Audit log', () => {
  let test: TestApp;
  let admin: TestClient;
  let flAdmin: TestClient;
  let passwords: string[] = [];
  const as = async (login: string, schoolSlug: string | null = 'demo') => {
    const client = new TestClient(test.app);
    await client.post('/api/auth/login/staff', {
      ...(schoolSlug ? { schoolSlug } : {}),
      login,
      password: DEMO_STAFF_PASSWORD,
    });
    return client;
  };
  const search = async (client: TestClient, query: Record<string, string>) =>
    (
      await client.get(`/api/admin/audit-log?${new URLSearchParams(query).toString()}`)
    ).json<Page>();

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await as('admin');
    test.clock.advance(60_000);
    flAdmin = await as('fl_admin');
    test.clock.advance(1000);
    const created = await flAdmin.post('/api/admin/staff', {
      name: '监考员 郑老师',
      username: 'fl_proctor',
      role: 'proctor',
    });
    const { staff, temporaryPassword } = created.json<{
      staff: { id: string };
      temporaryPassword: string;
    }>();
    test.clock.advance(60_000);
    const reset = await admin.post(`/api/admin/staff/${staff.id}/password-reset`);
    passwords = [temporaryPassword, reset.json<{ temporaryPassword: string }>().temporaryPassword];
    await admin.put(`/api/admin/staff/${staff.id}/disabled`, { disabled: true });
    await admin.post('/api/admin/colleges', { name: '法学院' });
  });
  afterAll(() => test.close());

  it('records every people mutation, newest first, without any password', async () => {
    const page = await search(admin, { action: 'staff.' });
    expect(page.items.map((entry) => [entry.action, entry.actorUsername])).toEqual([
      ['staff.disabled', 'admin'],
      ['staff.password_reset', 'admin'],
      ['staff.created', 'fl_admin'],
    ]);
    expect(page.items[0]?.targetName).toBe('监考员 郑老师');
    const everything = JSON.stringify(await search(admin, { pageSize: '100' }));
    for (const password of passwords) expect(everything).not.toContain(password);
    expect((await search(admin, { action: 'college.created' })).items[0]?.detail).toBe('法学院');
  });

  it('filters by actor, free text and date range, and pages', async () => {
    expect((await search(admin, { actor: 'fl_adm' })).items.map((e) => e.action)).toEqual([
      'staff.created',
      'auth.login',
    ]);
    expect((await search(admin, { q: '郑老师' })).total).toBe(3);
    expect((await search(admin, { q: 'fl_proctor (proctor)' })).total).toBe(1);
    const start = new Date(test.clock.now().getTime() - 30_000).toISOString();
    const recent = await search(admin, { from: start });
    expect(recent.items.map((e) => e.action)).toEqual([
      'college.created',
      'staff.disabled',
      'staff.password_reset',
    ]);
    const paged = await search(admin, { page: '2', pageSize: '2' });
    expect(paged.total).toBeGreaterThanOrEqual(6);
    expect(paged.items).toHaveLength(2);
    expect((await search(admin, { to: start })).items.map((e) => e.action)).not.toContain(
      'college.created',
    );
  });

  it('shows a college admin only what people of their college did', async () => {
    const page = await search(flAdmin, { pageSize: '100' });
    expect(new Set(page.items.map((e) => e.actorUsername))).toEqual(new Set(['fl_admin']));
  });

  it('shows a platform admin every school and refuses examiners', async () => {
    const platform = await as('platform', null);
    const page = await search(platform, { actor: 'admin', pageSize: '100' });
    expect(page.items.map((e) => e.actorUsername)).toEqual(
      expect.arrayContaining(['admin', 'fl_admin']),
    );
    expect((await (await as('waiting1')).get('/api/admin/audit-log')).statusCode).toBe(403);
  });

  it('rejects malformed filters', async () => {
    const response = await admin.get('/api/admin/audit-log?from=yesterday&page=0');
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });
});
