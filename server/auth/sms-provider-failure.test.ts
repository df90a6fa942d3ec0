import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSmsSender } from './sms/console-sender.js';
import { SmsSendError, type SmsMessage, type SmsSender } from './sms/sms-sender.js';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import {
  createTestApp,
  lastCodeFor,
  silentLog,
  TestClient,
  type TestApp,
} from '../test/test-app.js';

const zhang = DEMO_CANDIDATES[0];
const li = DEMO_CANDIDATES[1];

/** The SMS provider, refusing while `isDown` (as Aliyun does over its quota), else delivering. */
class FlakyProvider implements SmsSender {
  readonly name = 'flaky';
  readonly outbox = new ConsoleSmsSender(silentLog);
  isDown = true;

  send(message: SmsMessage): Promise<void> {
    if (this.isDown) {
      return Promise.reject(
        new SmsSendError('isv.BUSINESS_LIMIT_CONTROL: 触发天级流控', 'isv.BUSINESS_LIMIT_CONTROL'),
      );
    }
    return this.outbox.send(message);
  }
}

describe('An SMS provider failure, through the login routes', () => {
  let test: TestApp;
  const provider = new FlakyProvider();
  const send = (client: TestClient, phone: string, purpose: 'login' | 'reset_password') =>
    client.post('/api/auth/sms-codes', { schoolSlug: 'demo', phone, purpose });

  beforeAll(async () => {
    test = await createTestApp({ smsSender: provider });
    await seedDemoInto(test);
  });
  afterAll(() => test.close());

  it("answers SMS_SEND_FAILED in the user's language, without the provider's words", async () => {
    provider.isDown = true;
    const chinese = await send(new TestClient(test.app), zhang.phone, 'login');
    expect(chinese.statusCode).toBe(502);
    expect(chinese.json().error).toMatchObject({
      code: 'SMS_SEND_FAILED',
      message: '短信发送失败，请稍后重试',
    });
    expect(chinese.body).not.toContain('isv.');

    const english = await send(
      new TestClient(test.app, { 'accept-language': 'en-US,en;q=0.9' }),
      zhang.phone,
      'login',
    );
    expect(english.json().error.message).toBe(
      'The text message could not be sent; try again later',
    );
  });

  it('keeps no code that never arrived, so the candidate may ask again at once and log in', async () => {
    provider.isDown = true;
    const client = new TestClient(test.app);
    expect((await send(client, li.phone, 'login')).statusCode).toBe(502);
    const stored = await test.database.db.query.smsCode.findMany();
    expect(stored.filter((row) => row.phone === li.phone)).toHaveLength(0);

    // No 60-second wait: the failed send did not count.
    provider.isDown = false;
    expect((await send(client, li.phone, 'login')).statusCode).toBe(200);
    const login = await client.post('/api/auth/login/sms', {
      schoolSlug: 'demo',
      phone: li.phone,
      code: lastCodeFor(provider.outbox, li.phone),
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.name).toBe('李四');
  });

  it('fails the same way for a password-reset code, and the password stays', async () => {
    provider.isDown = true;
    const client = new TestClient(test.app);
    const response = await send(client, zhang.phone, 'reset_password');
    expect(response.json().error.code).toBe('SMS_SEND_FAILED');
    const login = await client.post('/api/auth/login/id-number', {
      schoolSlug: 'demo',
      idNumber: zhang.idNumber,
      password: zhang.idNumber.slice(-6),
    });
    expect(login.statusCode).toBe(200);
  });
});
