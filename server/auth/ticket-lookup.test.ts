import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../shared/api/common.js';
import { appUser, school } from '../db/schema/index.js';
import { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import { svgCaptchaGenerator, type CaptchaGenerator } from './captcha.js';

const li = DEMO_CANDIDATES[1];
const ANSWER = 'Ab3k';
const MINUTE = 60_000;

/** Always draws the same known answer, so tests can type it. */
const fixedCaptcha: CaptchaGenerator = {
  create: () => ({ text: ANSWER, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }),
};

interface CaptchaBody {
  captchaId: string;
  svg: string;
}

describe('准考证查询 by name, ID number and picture code (docs/journeys.md J4)', () => {
  let test: TestApp;

  const newCaptcha = async (client: TestClient, slug = 'demo') => {
    const response = await client.get(`/api/schools/${slug}/captcha`);
    expect(response.statusCode).toBe(200);
    return response.json<CaptchaBody>();
  };
  const lookup = async (
    client: TestClient,
    overrides: Record<string, unknown> = {},
    captchaId?: string,
  ) =>
    client.post('/api/auth/ticket-lookup', {
      schoolSlug: 'demo',
      name: li.name,
      idNumber: li.idNumber,
      captchaId: captchaId ?? (await newCaptcha(client)).captchaId,
      captchaAnswer: ANSWER,
      agreed: true,
      ...overrides,
    });
  const errorCode = (response: { json: () => { error?: { code?: string } } }) =>
    response.json().error?.code;

  beforeAll(async () => {
    test = await createTestApp({ captcha: fixedCaptcha });
    await seedDemoInto(test);
  });
  afterAll(() => test.close());

  it('logs the candidate in and lists their registrations', async () => {
    const client = new TestClient(test.app);
    // The answer is not case-sensitive.
    const response = await lookup(client, { captchaAnswer: ' aB3K ' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      user: { name: string; role: string; mustChangePassword: boolean };
      registrations: { registrationId: string; examName: string; sessionName: string }[];
    }>();
    expect(body.user).toMatchObject({ name: '李四', role: 'candidate', mustChangePassword: false });
    expect(body.registrations.map((item) => item.sessionName)).toEqual([
      // By start: the written exam began 25 minutes before the demo started, the interview 10.
      '学位外语第一考场',
      '外国语学院面试第一考场',
    ]);

    const me = await client.get('/api/auth/me');
    expect(me.json()).toMatchObject({ user: { name: '李四', role: 'candidate' } });
    const first = body.registrations[0];
    if (!first) throw new Error('no registration');
    const ticket = await client.get(`/api/me/registrations/${first.registrationId}/ticket`);
    expect(ticket.statusCode).toBe(200);
    expect(ticket.json()).toMatchObject({ candidateName: '李四', examName: first.examName });

    const admin = new TestClient(test.app);
    await admin.post('/api/auth/login/staff', {
      schoolSlug: 'demo',
      login: 'admin',
      password: DEMO_STAFF_PASSWORD,
    });
    const audit = await admin.get('/api/admin/audit-log?action=auth.login&q=ticket_lookup');
    expect(audit.json<{ items: { actorName: string }[] }>().items[0]?.actorName).toBe('李四');
  });

  it('refuses a wrong answer and then the same picture code even with the right answer', async () => {
    const client = new TestClient(test.app);
    const { captchaId } = await newCaptcha(client);
    const wrong = await lookup(client, { captchaAnswer: 'zzzz' }, captchaId);
    expect(wrong.statusCode).toBe(400);
    expect(errorCode(wrong)).toBe('CAPTCHA_INVALID');
    const reused = await lookup(client, {}, captchaId);
    expect(errorCode(reused)).toBe('CAPTCHA_INVALID');
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a picture code once used successfully', async () => {
    const client = new TestClient(test.app);
    const { captchaId } = await newCaptcha(client);
    expect((await lookup(client, {}, captchaId)).statusCode).toBe(200);
    expect(errorCode(await lookup(new TestClient(test.app), {}, captchaId))).toBe(
      'CAPTCHA_INVALID',
    );
  });

  it('refuses a picture code older than 5 minutes', async () => {
    const client = new TestClient(test.app);
    const { captchaId } = await newCaptcha(client);
    test.clock.advance(6 * MINUTE);
    expect(errorCode(await lookup(client, {}, captchaId))).toBe('CAPTCHA_INVALID');
  });

  it('answers TICKET_NOT_FOUND alike for a wrong name, another school and no registrations', async () => {
    const client = new TestClient(test.app);
    const wrongName = await lookup(client, { name: '张三' });
    expect(wrongName.statusCode).toBe(404);
    expect(errorCode(wrongName)).toBe('TICKET_NOT_FOUND');

    await test.database.db.insert(school).values({ slug: 'other', name: '别的大学' });
    const otherSchool = await lookup(client, {
      schoolSlug: 'other',
      captchaId: (await newCaptcha(client, 'other')).captchaId,
    });
    expect(errorCode(otherSchool)).toBe('TICKET_NOT_FOUND');

    const [demo] = await test.database.db.select().from(school).where(eq(school.slug, 'demo'));
    const idNumber = '11010820050505567' + idNumberCheckChar('11010820050505567');
    await test.database.db
      .insert(appUser)
      .values({ schoolId: demo?.id, role: 'candidate', name: '赵六', idNumber });
    const unregistered = await lookup(client, { name: '赵六', idNumber });
    expect(errorCode(unregistered)).toBe('TICKET_NOT_FOUND');
    const withoutRequestId = (response: typeof wrongName) => ({
      status: response.statusCode,
      error: { ...response.json<{ error: object }>().error, requestId: undefined },
    });
    expect(withoutRequestId(unregistered)).toEqual(withoutRequestId(wrongName));
    expect(withoutRequestId(otherSchool)).toEqual(withoutRequestId(wrongName));
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('requires the pledge to be accepted and a valid ID number', async () => {
    const client = new TestClient(test.app);
    expect(errorCode(await lookup(client, { agreed: false }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await lookup(client, { idNumber: '110108200502022341' }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('has no picture codes for an unknown school', async () => {
    const response = await new TestClient(test.app).get('/api/schools/nowhere/captcha');
    expect(response.statusCode).toBe(404);
  });
});

describe('the default picture code', () => {
  it('draws 4 characters without look-alikes, as paths rather than text', () => {
    for (let i = 0; i < 20; i++) {
      const { text, svg } = svgCaptchaGenerator.create();
      expect(text).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{4}$/);
      expect(svg).toMatch(/^<svg[^>]*>/);
      expect(svg).toContain('<path');
      expect(svg).not.toContain('<text');
      expect(svg).not.toContain(`>${text}<`);
    }
  });

  it('is what the captcha endpoint serves by default', async () => {
    const test = await createTestApp();
    try {
      await seedDemoInto(test);
      const response = await new TestClient(test.app).get('/api/schools/demo/captcha');
      const { captchaId, svg } = response.json<CaptchaBody>();
      expect(captchaId).toMatch(/^[0-9a-f-]{36}$/);
      expect(svg).toContain('<path');
      expect(svg).not.toContain('<text');
    } finally {
      await test.close();
    }
  });
});
