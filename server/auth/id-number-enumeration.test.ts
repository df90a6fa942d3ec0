import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../shared/api/common.js';
import { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import { loginThrottle } from '../db/schema/index.js';
import type { CaptchaGenerator } from './captcha.js';
import { argon2Hasher, type PasswordHasher } from './passwords.js';

const ANSWER = 'Ab3k';
const fixedCaptcha: CaptchaGenerator = {
  create: () => ({ text: ANSWER, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }),
};

/** Counts the argon2 checks the server makes, and still makes them for real. */
class CountingHasher implements PasswordHasher {
  verifies = 0;
  hash(password: string) {
    return argon2Hasher.hash(password);
  }
  verify(passwordHash: string, password: string) {
    this.verifies++;
    return argon2Hasher.verify(passwordHash, password);
  }
}

const wang = DEMO_CANDIDATES[2];
const unknownId = (n: number) => {
  const first17 = `3201022001010${String(1000 + n)}`;
  return first17 + idNumberCheckChar(first17);
};

/** Nothing in an ID-number login's answer or its time tells whether the ID is registered. */
describe('ID-number login does not reveal which ID numbers are registered', () => {
  let test: TestApp;
  const hasher = new CountingHasher();
  let nextIp = 1;
  /** A new client each time, so the limits of one probe never touch the next. */
  const freshClient = () => new TestClient(test.app, {}, `198.18.0.${String(nextIp++)}`);
  const idLogin = (client: TestClient, idNumber: string, password: string, captcha = {}) =>
    client.post('/api/auth/login/id-number', {
      schoolSlug: 'demo',
      idNumber,
      password,
      ...captcha,
    });
  const withCaptcha = async (client: TestClient) => ({
    captchaId: (await client.get('/api/auth/captcha')).json<{ captchaId: string }>().captchaId,
    captchaAnswer: ANSWER,
  });
  const verifiesDuring = async (run: () => Promise<unknown>) => {
    const before = hasher.verifies;
    await run();
    return hasher.verifies - before;
  };

  beforeAll(async () => {
    test = await createTestApp({ captcha: fixedCaptcha, passwordHasher: hasher });
    await seedDemoInto(test);
  });
  afterAll(() => test.close());

  it('runs exactly one argon2 check on every path: unknown, initial password, set password', async () => {
    // 王五 has never logged in: the initial password is the ID number's last six characters.
    expect(await verifiesDuring(() => idLogin(freshClient(), wang.idNumber, 'wrong1'))).toBe(1);
    expect(await verifiesDuring(() => idLogin(freshClient(), unknownId(1), 'wrong1'))).toBe(1);
    expect(
      await verifiesDuring(() => idLogin(freshClient(), wang.idNumber, wang.idNumber.slice(-6))),
    ).toBe(1);
    const staff = () =>
      freshClient().post('/api/auth/login/staff', {
        schoolSlug: 'demo',
        login: 'nobody',
        password: DEMO_STAFF_PASSWORD,
      });
    expect(await verifiesDuring(staff)).toBe(1);
  });

  it('answers an unknown ID exactly like a wrong password, limits included', async () => {
    const run = async (idNumber: string) => {
      const client = freshClient();
      const answers: unknown[] = [];
      for (let i = 0; i < 7; i++) {
        const captcha = i >= 3 ? await withCaptcha(client) : {};
        const response = await idLogin(client, idNumber, `wrong-${String(i)}`, captcha);
        const error: Record<string, unknown> = {
          ...response.json<{ error: Record<string, unknown> }>().error,
        };
        delete error.requestId;
        answers.push({ status: response.statusCode, error });
      }
      return answers;
    };
    // 张三 (registered, on the initial password) and an ID nobody has.
    const registered = await run(DEMO_CANDIDATES[0].idNumber);
    const unknown = await run(unknownId(2));
    expect(unknown).toEqual(registered);
    expect(registered.map((answer) => (answer as { status: number }).status)).toEqual([
      401, 401, 401, 401, 401, 429, 429,
    ]);
    expect(JSON.stringify(registered)).not.toContain('LOCKED');
  });

  it('takes about as long for an unknown ID as for a registered one (medians)', async () => {
    const timed = async (idNumber: string) => {
      // Start every probe from no failures, so a picture-code answer never cuts one short.
      await test.database.db.delete(loginThrottle);
      const started = performance.now();
      await idLogin(freshClient(), idNumber, 'wrong-password');
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[4] ?? 0;
    const registered: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a busy machine slows both alike.
    for (let i = 0; i < 9; i++) {
      registered.push(await timed(DEMO_CANDIDATES[3].idNumber));
      unknown.push(await timed(unknownId(10 + i)));
    }
    const ratio = median(unknown) / median(registered);
    // Before the fix an unknown ID took 2.3 times as long (71 ms against 31 ms).
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
