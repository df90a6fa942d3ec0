import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
  const storedCodesOf = async (phone: string) =>
    (await test.database.db.query.smsCode.findMany()).filter((row) => row.phone === phone);

  beforeAll(async () => {
    test = await createTestApp({ smsSender: provider });
    await seedDemoInto(test);
  });
  afterAll(() => test.close());

  it("answers as for any phone (no registration given away), without the provider's words", async () => {
    provider.isDown = true;
    const response = await send(new TestClient(test.app), zhang.phone, 'login');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('isv.');
    expect(response.body).not.toContain('流控');
  });

  it('keeps no code that never arrived, so the candidate may ask again at once and log in', async () => {
    provider.isDown = true;
    const client = new TestClient(test.app);
    expect((await send(client, li.phone, 'login')).statusCode).toBe(200);
    // The delivery runs after the answer; its failure removes the code.
    await vi.waitFor(async () => expect(await storedCodesOf(li.phone)).toHaveLength(0));

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

  it('leaves the password as it was when a reset code fails to arrive', async () => {
    provider.isDown = true;
    const client = new TestClient(test.app);
    expect((await send(client, zhang.phone, 'reset_password')).statusCode).toBe(200);
    await vi.waitFor(async () =>
      expect(
        (await storedCodesOf(zhang.phone)).filter((row) => row.purpose === 'reset_password'),
      ).toHaveLength(0),
    );
    const login = await client.post('/api/auth/login/id-number', {
      schoolSlug: 'demo',
      idNumber: zhang.idNumber,
      password: zhang.idNumber.slice(-6),
    });
    expect(login.statusCode).toBe(200);
  });
});
