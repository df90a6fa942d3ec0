import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

describe('Admin and staff homes are scoped', () => {
  let test: TestApp;
  const as = async (login: string, schoolSlug: string | null = 'demo') => {
    const client = new TestClient(test.app);
    await client.post('/api/auth/login/staff', {
      ...(schoolSlug ? { schoolSlug } : {}),
      login,
      password: DEMO_STAFF_PASSWORD,
    });
    return client;
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
  });
  afterAll(() => test.close());

  it('shows a school admin every session of the school', async () => {
    const body = (await (await as('admin')).get('/api/admin/overview')).json();
    expect(body.counts).toMatchObject({ colleges: 2, exams: 2, sessions: 2, candidates: 6 });
  });

  it('shows a college admin only their college', async () => {
    const body = (await (await as('fl_admin')).get('/api/admin/overview')).json();
    expect(body.scope.collegeName).toBe('外国语学院');
    expect(body.sessions.map((s: { sessionName: string }) => s.sessionName)).toEqual([
      '外国语学院面试第一考场',
    ]);
    expect(body.counts).toMatchObject({ colleges: 1, exams: 1, candidates: 5 });
  });

  it('shows an examiner their assignments with the status from the server clock', async () => {
    const body = (await (await as('waiting1')).get('/api/me/assignments')).json();
    expect(body.items).toEqual([
      expect.objectContaining({
        sessionName: '外国语学院面试第一考场',
        duty: 'waiting_examiner',
        status: 'in_progress',
        candidateCount: 5,
      }),
    ]);
  });

  it('refuses the admin home to examiners', async () => {
    const response = await (await as('proctor1')).get('/api/admin/overview');
    expect(response.statusCode).toBe(403);
  });
});
