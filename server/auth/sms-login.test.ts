import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, lastCodeFor, TestClient, type TestApp } from '../test/test-app.js';

const zhang = DEMO_CANDIDATES[0];
const send = (client: TestClient, phone: string = zhang.phone) =>
  client.post('/api/auth/sms-codes', { schoolSlug: 'demo', phone, purpose: 'login' });
const login = (client: TestClient, code: string, extra: object = {}) =>
  client.post('/api/auth/login/sms', { schoolSlug: 'demo', phone: zhang.phone, code, ...extra });
const wrongCodeFor = (code: string) => (code === '000000' ? '111111' : '000000');

describe('SMS code login (docs/journeys.md J1)', () => {
  let test: TestApp;
  let client: TestClient;

  beforeEach(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    client = new TestClient(test.app);
  });
  afterEach(() => test.close());

  it('logs a candidate in with the code from the SMS and keeps them logged in', async () => {
    expect((await send(client)).statusCode).toBe(200);
    const response = await login(client, lastCodeFor(test.sms, zhang.phone));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      user: { name: '张三', role: 'candidate', schoolSlug: 'demo' },
    });
    const cookie = response.cookies.find((c) => c.name === 'invigil_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const me = await client.get('/api/auth/me');
    // A code proves the phone, not a password: no forced password change after an SMS login.
    expect(me.json()).toMatchObject({ user: { name: '张三', mustChangePassword: false } });
  });

  it('refuses a second send within 60 seconds and allows it after', async () => {
    await send(client);
    test.clock.advance(30_000);
    const refused = await send(client);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'SMS_TOO_FREQUENT', retryAfterSeconds: 30 });
    expect(refused.headers['retry-after']).toBe('30');
    test.clock.advance(31_000);
    expect((await send(client)).statusCode).toBe(200);
  });

  it('allows 10 codes a day per phone, then refuses until a day has passed', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await send(client)).statusCode).toBe(200);
      test.clock.advance(61_000);
    }
    const refused = await send(client);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('SMS_DAILY_LIMIT');
    test.clock.advance(24 * 3600_000);
    expect((await send(client)).statusCode).toBe(200);
  });

  it('voids the code after 5 wrong tries, even for the right code afterwards', async () => {
    await send(client);
    const code = lastCodeFor(test.sms, zhang.phone);
    for (let i = 0; i < 4; i++) {
      const wrong = await login(client, wrongCodeFor(code));
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('SMS_CODE_INVALID');
    }
    const fifth = await login(client, wrongCodeFor(code));
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error).toMatchObject({
      code: 'SMS_CODE_VOIDED',
      message: '验证码错误次数过多，已失效，请重新获取',
    });
    expect((await login(client, code)).json().error.code).toBe('SMS_CODE_VOIDED');
  });

  it('accepts a code once only, and not after 5 minutes', async () => {
    await send(client);
    const code = lastCodeFor(test.sms, zhang.phone);
    expect((await login(client, code)).statusCode).toBe(200);
    expect(
      (
        await new TestClient(test.app).post('/api/auth/login/sms', {
          schoolSlug: 'demo',
          phone: zhang.phone,
          code,
        })
      ).json().error.code,
    ).toBe('SMS_CODE_INVALID');

    test.clock.advance(61_000);
    await send(client);
    test.clock.advance(5 * 60_000 + 1);
    expect((await login(client, lastCodeFor(test.sms, zhang.phone))).json().error.code).toBe(
      'SMS_CODE_INVALID',
    );
  });

  it('only the newest code works', async () => {
    await send(client);
    const first = lastCodeFor(test.sms, zhang.phone);
    test.clock.advance(61_000);
    await send(client);
    const second = lastCodeFor(test.sms, zhang.phone);
    if (first !== second) expect((await login(client, first)).statusCode).toBe(401);
    expect((await login(client, second)).statusCode).toBe(200);
  });

  it('stores codes hashed, never in clear', async () => {
    await send(client);
    const code = lastCodeFor(test.sms, zhang.phone);
    const rows = await test.database.db.query.smsCode.findMany();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it('answers an unregistered phone exactly like a registered one, and sends it nothing', async () => {
    const stranger = '13912345678';
    const withoutRequestId = (response: { statusCode: number; json: () => unknown }) => {
      const body = response.json() as { error?: { requestId?: string } };
      if (body.error) delete body.error.requestId;
      return { status: response.statusCode, body };
    };
    const both = async <T>(run: (phone: string) => Promise<T>): Promise<T> => {
      const registered = await run(zhang.phone);
      expect(await run(stranger)).toEqual(registered);
      return registered;
    };

    const first = await both(async (phone) => withoutRequestId(await send(client, phone)));
    expect(first).toEqual({ status: 200, body: { resendAfterSeconds: 60, expiresInSeconds: 300 } });
    expect(test.sms.recent().map((entry) => entry.phone)).toEqual([zhang.phone]);

    // The per-phone limits hold for both alike.
    const again = await both(async (phone) => withoutRequestId(await send(client, phone)));
    expect(again).toMatchObject({ status: 429, body: { error: { code: 'SMS_TOO_FREQUENT' } } });

    // Wrong codes: the same answers, down to the code being voided after five.
    const tries = await both(async (phone) => {
      const answers = [];
      for (let i = 0; i < 5; i++) {
        const response = await client.post('/api/auth/login/sms', {
          schoolSlug: 'demo',
          phone,
          code: '000000',
        });
        answers.push(withoutRequestId(response));
      }
      return answers;
    });
    expect(tries.at(-1)).toMatchObject({ body: { error: { code: 'SMS_CODE_VOIDED' } } });

    // A reset code for staff to a candidate's phone: the same answer, no message.
    test.clock.advance(61_000);
    const reset = await client.post('/api/auth/sms-codes', {
      schoolSlug: 'demo',
      phone: zhang.phone,
      purpose: 'reset_password',
      accountKind: 'staff',
    });
    expect(reset.statusCode).toBe(200);
    expect(test.sms.recent()).toHaveLength(1);
  });

  it('answers before the SMS provider does, and a failed send does not count against the limits', async () => {
    let release: () => void = () => undefined;
    const failing = {
      name: 'failing',
      sent: 0,
      send(): Promise<void> {
        this.sent++;
        return new Promise((_resolve, reject) => {
          release = () => reject(new Error('provider down'));
        });
      },
    };
    const local = await createTestApp({ smsSender: failing });
    try {
      await seedDemoInto(local);
      const caller = new TestClient(local.app);
      const answer = await caller.post('/api/auth/sms-codes', {
        schoolSlug: 'demo',
        phone: zhang.phone,
        purpose: 'login',
      });
      // Answered while the provider still hangs: its time says nothing about the phone.
      expect(answer.statusCode).toBe(200);
      expect(failing.sent).toBe(1);
      release();
      await expect
        .poll(async () => (await local.database.db.query.smsCode.findMany()).length)
        .toBe(0);
      const retry = await caller.post('/api/auth/sms-codes', {
        schoolSlug: 'demo',
        phone: zhang.phone,
        purpose: 'login',
      });
      expect(retry.statusCode).toBe(200);
      expect(failing.sent).toBe(2);
    } finally {
      await local.close();
    }
  });

  it('refuses a login under another college than the registration', async () => {
    const school = (await client.get('/api/schools/demo')).json<{
      colleges: { id: string; name: string }[];
    }>();
    const other = school.colleges.find((c) => c.name === '计算机学院');
    await send(client);
    const response = await login(client, lastCodeFor(test.sms, zhang.phone), {
      collegeId: other?.id,
    });
    expect(response.json().error.code).toBe('COLLEGE_MISMATCH');
  });

  it('rejects a mutation without the CSRF header', async () => {
    await client.get('/api/auth/csrf');
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sms-codes',
      headers: { cookie: `invigil_csrf=${client.cookie('invigil_csrf') ?? ''}` },
      payload: { schoolSlug: 'demo', phone: zhang.phone, purpose: 'login' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
    expect(test.sms.recent()).toHaveLength(0);
  });

  it('logs out: the session no longer works', async () => {
    await send(client);
    await login(client, lastCodeFor(test.sms, zhang.phone));
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session after its idle lifetime', async () => {
    await send(client);
    await login(client, lastCodeFor(test.sms, zhang.phone));
    test.clock.advance(13 * 3600_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });
});
