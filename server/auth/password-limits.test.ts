import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginStaff } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import type { CaptchaGenerator } from './captcha.js';

const ANSWER = 'Ab3k';
const fixedCaptcha: CaptchaGenerator = {
  create: () => ({ text: ANSWER, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }),
};

interface ErrorBody {
  error: { code: string; retryAfterSeconds?: number };
}

/** Staff password logins: limits per login name and client instead of a lock for everyone. */
describe('staff password limits (no lockout of the real user)', () => {
  let test: TestApp;
  const clientAt = (ip: string) => new TestClient(test.app, {}, ip);

  /** A login with the picture code solved whenever the client holds one. */
  const attempt = async (
    client: TestClient,
    login: string,
    password: string,
    withCaptcha = false,
  ) => {
    const captcha = withCaptcha
      ? {
          captchaId: (await client.get('/api/auth/captcha')).json<{ captchaId: string }>()
            .captchaId,
          captchaAnswer: ANSWER,
        }
      : {};
    return client.post('/api/auth/login/staff', {
      schoolSlug: 'demo',
      login,
      password,
      ...captcha,
    });
  };
  const codeOf = (response: { json: () => unknown }) => (response.json() as ErrorBody).error.code;

  beforeEach(async () => {
    test = await createTestApp({ captcha: fixedCaptcha });
    await seedDemoInto(test);
  });
  afterEach(() => test.close());

  it('lets the school admin in from their own computer while someone else guesses the password', async () => {
    const attacker = clientAt('203.0.113.7');
    for (let i = 0; i < 12; i++) {
      const guess = await attempt(attacker, 'admin', `guess-${i}`, i >= 3);
      expect([401, 429]).toContain(guess.statusCode);
      test.clock.advance(61_000);
    }
    // Neither a wait nor a picture code: the guesses came from another client.
    const admin = clientAt('198.51.100.20');
    const login = await attempt(admin, 'admin', DEMO_STAFF_PASSWORD);
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ user: { role: 'school_admin' } });
    // Ten failures from one client are a burst the admins are told about.
    const alerts = await auditEntries(admin, 'auth.login_failures_burst');
    expect(alerts.map((entry) => JSON.parse(entry.detail ?? '{}') as unknown)).toEqual([
      { kind: 'staff_password', count: 10, unit: 'failures', windowMinutes: 15 },
    ]);
  });

  it('asks for a picture code after 3 wrong passwords from one client, then takes the right one', async () => {
    const client = clientAt('203.0.113.8');
    for (let i = 0; i < 3; i++) {
      expect(codeOf(await attempt(client, 'panel1', 'wrong-password'))).toBe('INVALID_CREDENTIALS');
    }
    const withoutCode = await attempt(client, 'panel1', DEMO_STAFF_PASSWORD);
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json()).toMatchObject({
      error: {
        code: 'CAPTCHA_REQUIRED',
        message: '登录失败次数较多，为保护账号安全，请输入图形验证码',
      },
    });
    const { captchaId } = (await client.get('/api/auth/captcha')).json<{ captchaId: string }>();
    const wrongCode = await client.post('/api/auth/login/staff', {
      schoolSlug: 'demo',
      login: 'panel1',
      password: DEMO_STAFF_PASSWORD,
      captchaId,
      captchaAnswer: 'zzzz',
    });
    expect(codeOf(wrongCode)).toBe('CAPTCHA_INVALID');
    const right = await attempt(client, 'panel1', DEMO_STAFF_PASSWORD, true);
    expect(right.statusCode).toBe(200);
    // The success starts that client's count again: no picture code for the next mistake.
    expect(codeOf(await attempt(clientAt('203.0.113.8'), 'panel1', 'typo'))).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('slows a guessing client down with waits that double up to a minute, for that client only', async () => {
    const client = clientAt('203.0.113.9');
    for (let i = 0; i < 5; i++) await attempt(client, 'panel2', 'wrong-password', i >= 3);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const early = await attempt(client, 'panel2', DEMO_STAFF_PASSWORD, true);
      expect(early.statusCode).toBe(429);
      expect(codeOf(early)).toBe('LOGIN_DELAYED');
      const wait = early.json<ErrorBody>().error.retryAfterSeconds ?? 0;
      expect(early.headers['retry-after']).toBe(String(wait));
      waits.push(wait);
      test.clock.advance(wait * 1000);
      expect(codeOf(await attempt(client, 'panel2', 'wrong-password', true))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60]);

    // Meanwhile another client is neither slowed nor asked for a picture code.
    expect(
      (await attempt(clientAt('198.51.100.30'), 'panel2', DEMO_STAFF_PASSWORD)).statusCode,
    ).toBe(200);
    test.clock.advance(60_000);
    expect((await attempt(client, 'panel2', DEMO_STAFF_PASSWORD, true)).statusCode).toBe(200);
  });

  it('judges concurrent guesses one after the other: no burst slips past the picture code', async () => {
    const client = clientAt('203.0.113.10');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt(client, 'proctor1', `burst-${i}`)),
    );
    const codes = answers.map(codeOf);
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(3);
    expect(
      codes.every((code) =>
        ['INVALID_CREDENTIALS', 'CAPTCHA_REQUIRED', 'LOGIN_DELAYED'].includes(code),
      ),
    ).toBe(true);
  });

  it('asks every new client for a picture code once 5 clients failed, but not a browser that logged in before', async () => {
    const trusted = clientAt('198.51.100.40');
    expect((await attempt(trusted, 'waiting1', DEMO_STAFF_PASSWORD)).statusCode).toBe(200);
    expect(trusted.cookie('invigil_trust')).toBeTruthy();

    for (let i = 0; i < 5; i++) {
      await attempt(clientAt(`203.0.113.${100 + i}`), 'waiting1', 'spray-guess');
    }
    expect(codeOf(await attempt(clientAt('192.0.2.1'), 'waiting1', DEMO_STAFF_PASSWORD))).toBe(
      'CAPTCHA_REQUIRED',
    );
    expect((await attempt(trusted, 'waiting1', DEMO_STAFF_PASSWORD)).statusCode).toBe(200);

    // The burst is an audit entry and a notice on the admin home.
    const admin = await loginStaff(test, 'admin');
    const alerts = await auditEntries(admin, 'auth.login_failures_burst');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ targetId: expect.any(String) as string });
    const overview = await admin.get('/api/admin/overview');
    expect(overview.json<{ loginAlerts: unknown[] }>().loginAlerts).toEqual([
      expect.objectContaining({
        kind: 'staff_password',
        count: 5,
        unit: 'clients',
        accountUsername: 'waiting1',
        accountName: '候考官 陈老师',
      }),
    ]);
  });

  it('shows the restriction in the staff list and lets an admin lift it, with an audit entry', async () => {
    const guesser = clientAt('203.0.113.11');
    for (let i = 0; i < 6; i++) await attempt(guesser, 'panel1', 'wrong-password', i >= 3);
    const admin = await loginStaff(test, 'admin');
    const listed = async () =>
      (await admin.get('/api/admin/staff?q=panel1'))
        .json<{ items: { id: string; username: string; loginRestricted: boolean }[] }>()
        .items.find((item) => item.username === 'panel1');
    const before = await listed();
    expect(before?.loginRestricted).toBe(true);

    const unlocked = await admin.post(`/api/admin/staff/${before?.id ?? ''}/login-unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ username: 'panel1', loginRestricted: false });
    expect((await listed())?.loginRestricted).toBe(false);
    // No wait and no picture code any more, even for the client that guessed.
    expect((await attempt(guesser, 'panel1', DEMO_STAFF_PASSWORD)).statusCode).toBe(200);
    const audit = await auditEntries(admin, 'staff.login_unlocked');
    expect(audit[0]).toMatchObject({ actorName: '学校管理员', targetId: before?.id });

    const college = await loginStaff(test, 'fl_admin');
    const schoolAdminId = (await admin.get('/api/auth/me')).json<{ user: { id: string } }>().user
      .id;
    expect((await college.post(`/api/admin/staff/${schoolAdminId}/login-unlock`)).statusCode).toBe(
      404,
    );
  });
});
