import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginStaff } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import type { CaptchaGenerator } from './captcha.js';

const ANSWER = 'Ab3k';
const fixedCaptcha: CaptchaGenerator = {
  create: () => ({ text: ANSWER, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }),
};

/** 考试ID + 准考证号 (docs/journeys.md J3): guessing is limited per address, per exam and per number. */
describe('admission-number login limits', () => {
  let test: TestApp;
  const clientAt = (ip: string) => new TestClient(test.app, {}, ip);
  const admissionLogin = async (
    client: TestClient,
    examCode: string,
    admissionNumber: string,
    withCaptcha = false,
  ) => {
    const captcha = withCaptcha
      ? {
          captchaId: (await client.get('/api/auth/captcha')).json<{ captchaId: string }>()
            .captchaId,
          captchaAnswer: ANSWER,
        }
      : {};
    return client.post('/api/auth/login/admission', {
      schoolSlug: 'demo',
      examCode,
      admissionNumber,
      ...captcha,
    });
  };
  const codeOf = (response: { json: () => unknown }) =>
    (response.json() as { error?: { code: string } }).error?.code;

  beforeEach(async () => {
    test = await createTestApp({ captcha: fixedCaptcha });
    await seedDemoInto(test);
  });
  afterEach(() => test.close());

  it('never slows down right logins: 60 in a row from one address all get in', async () => {
    for (let i = 0; i < 60; i++) {
      const number = `INT202600${String((i % 5) + 1)}`;
      expect((await admissionLogin(new TestClient(test.app), 'INT2026', number)).statusCode).toBe(
        200,
      );
    }
  });

  it('asks one address for a picture code after 3 wrong numbers, and still lets the right pair in', async () => {
    const guesser = clientAt('203.0.113.20');
    for (const number of ['INT2026100', 'INT2026101', 'INT2026102']) {
      expect(codeOf(await admissionLogin(guesser, 'INT2026', number))).toBe('ADMISSION_NOT_FOUND');
    }
    // The fourth guess would have been a hit, but it needs the picture code first.
    const hit = await admissionLogin(guesser, 'INT2026', 'INT2026003');
    expect(hit.statusCode).toBe(401);
    expect(codeOf(hit)).toBe('CAPTCHA_REQUIRED');
    const solved = await admissionLogin(guesser, 'INT2026', 'INT2026003', true);
    expect(solved.statusCode).toBe(200);
    expect(solved.json()).toMatchObject({ user: { name: '赵敏' } });
  });

  it('needs a picture code for an exam guessed from many addresses, and tells the admins', async () => {
    for (let i = 0; i < 10; i++) {
      await admissionLogin(clientAt(`203.0.113.${30 + i}`), 'INT2026', `INT20269${String(i)}`);
    }
    // A new address, a right pair: the exam is under attack, so the picture code is asked.
    expect(codeOf(await admissionLogin(clientAt('192.0.2.50'), 'INT2026', 'INT2026001'))).toBe(
      'CAPTCHA_REQUIRED',
    );
    // Another exam of the school is not affected.
    expect((await admissionLogin(clientAt('192.0.2.51'), 'WRT2026', 'WRT2026001')).statusCode).toBe(
      200,
    );
    for (let i = 10; i < 20; i++) {
      const guess = await admissionLogin(
        clientAt(`203.0.113.${30 + i}`),
        'INT2026',
        `INT20269${String(i)}`,
        true,
      );
      expect(codeOf(guess)).toBe('ADMISSION_NOT_FOUND');
    }

    const admin = await loginStaff(test, 'admin');
    const alerts = await auditEntries(admin, 'auth.login_failures_burst');
    expect(alerts.map((entry) => JSON.parse(entry.detail ?? '{}') as unknown)).toEqual([
      {
        kind: 'admission_exam',
        count: 20,
        unit: 'clients',
        windowMinutes: 15,
        examCode: 'INT2026',
      },
    ]);
    const overview = (await admin.get('/api/admin/overview')).json<{ loginAlerts: unknown[] }>();
    expect(overview.loginAlerts).toEqual([
      expect.objectContaining({ kind: 'admission_exam', examCode: 'INT2026', count: 20 }),
    ]);
    // The admin of the exam's college (外国语学院) sees it too.
    const college = (await (await loginStaff(test, 'fl_admin')).get('/api/admin/overview')).json<{
      loginAlerts: unknown[];
    }>();
    expect(college.loginAlerts).toHaveLength(1);
  });

  it('needs a picture code for one admission number tried under several exam IDs', async () => {
    for (const [i, examCode] of ['INT2025', 'INT2027', 'EXAM2026'].entries()) {
      await admissionLogin(clientAt(`203.0.113.${60 + i}`), examCode, 'INT2026002');
    }
    expect(codeOf(await admissionLogin(clientAt('192.0.2.60'), 'INT2026', 'INT2026002'))).toBe(
      'CAPTCHA_REQUIRED',
    );
  });

  it('alerts the admins on one address guessing, and never echoes a made-up exam ID', async () => {
    for (let i = 0; i < 20; i++) {
      const ip = `203.0.113.${80 + i}`;
      await admissionLogin(clientAt(ip), '请致电400-000-0000', `X${String(i)}`, i >= 10);
    }
    const guesser = clientAt('203.0.113.70');
    for (let i = 0; i < 20; i++) {
      await admissionLogin(guesser, 'WRT2026', `WRT20269${String(i)}`, i >= 3);
    }
    const admin = await loginStaff(test, 'admin');
    const details = (await auditEntries(admin, 'auth.login_failures_burst')).map(
      (entry) => JSON.parse(entry.detail ?? '{}') as unknown,
    );
    expect(details).toEqual([
      { kind: 'admission_ip', count: 20, unit: 'failures', windowMinutes: 15 },
      { kind: 'admission_exam', count: 20, unit: 'clients', windowMinutes: 15 },
    ]);
    expect(JSON.stringify(details)).not.toContain('400-000');
  });
});
