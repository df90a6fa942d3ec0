import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

interface College {
  id: string;
  name: string;
  disabled: boolean;
  candidateCount: number;
  staffCount: number;
}

describe('Colleges', () => {
  let test: TestApp;
  let admin: TestClient;
  let flAdmin: TestClient;
  const as = async (login: string) => {
    const client = new TestClient(test.app);
    await client.post('/api/auth/login/staff', {
      schoolSlug: 'demo',
      login,
      password: DEMO_STAFF_PASSWORD,
    });
    return client;
  };
  const colleges = async (client: TestClient) =>
    (await client.get('/api/admin/colleges')).json<{ items: College[] }>().items;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await as('admin');
    flAdmin = await as('fl_admin');
  });
  afterAll(() => test.close());

  it('lists the colleges of the school with their candidates and staff', async () => {
    expect(await colleges(admin)).toEqual([
      expect.objectContaining({ name: '外国语学院', candidateCount: 5, staffCount: 4 }),
      expect.objectContaining({ name: '计算机学院', candidateCount: 1, staffCount: 0 }),
    ]);
  });

  it('shows a college admin only their own college, read-only', async () => {
    const own = await colleges(flAdmin);
    expect(own.map((item) => item.name)).toEqual(['外国语学院']);
    const id = own[0]?.id ?? '';
    const rename = await flAdmin.request('PATCH', `/api/admin/colleges/${id}`, { name: '改名' });
    expect(rename.statusCode).toBe(403);
    expect((await flAdmin.post('/api/admin/colleges', { name: '新学院' })).statusCode).toBe(403);
  });

  it('creates, renames, disables and enables a college; names stay unique', async () => {
    const created = await admin.post('/api/admin/colleges', {
      name: '法学院',
      nameEn: 'Law School',
    });
    expect(created.json()).toMatchObject({ name: '法学院', disabled: false, staffCount: 0 });
    const id = created.json<College>().id;
    expect((await admin.post('/api/admin/colleges', { name: '法学院' })).json().error.code).toBe(
      'DUPLICATE',
    );
    const taken = await admin.request('PATCH', `/api/admin/colleges/${id}`, { name: '计算机学院' });
    expect(taken.json().error.code).toBe('DUPLICATE');

    const renamed = await admin.request('PATCH', `/api/admin/colleges/${id}`, {
      name: '法学院（新）',
    });
    expect(renamed.json().name).toBe('法学院（新）');
    const disabled = await admin.request('PATCH', `/api/admin/colleges/${id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    const staffInDisabled = await admin.post('/api/admin/staff', {
      name: '考官',
      username: 'law_exam',
      role: 'examiner',
      collegeId: id,
    });
    expect(staffInDisabled.json().error.code).toBe('CONFLICT');
    const enabled = await admin.request('PATCH', `/api/admin/colleges/${id}`, { disabled: false });
    expect(enabled.json().disabled).toBe(false);
  });

  it('rejects unknown fields and unknown colleges', async () => {
    const [first] = await colleges(admin);
    const extra = await admin.request('PATCH', `/api/admin/colleges/${first?.id ?? ''}`, {
      schoolId: first?.id,
    });
    expect(extra.json().error.code).toBe('VALIDATION_FAILED');
    const missing = await admin.request(
      'PATCH',
      '/api/admin/colleges/6f1c1b7e-1111-4111-8111-111111111111',
      { name: '无' },
    );
    expect(missing.statusCode).toBe(404);
  });

  it('refuses candidates', async () => {
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
    expect((await candidate.get('/api/admin/colleges')).statusCode).toBe(403);
    expect((await candidate.get('/api/admin/staff')).statusCode).toBe(403);
    expect((await candidate.get('/api/admin/audit-log')).statusCode).toBe(403);
  });
});
