import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appUser, school } from '../db/schema/index.js';
import { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginStaff } from '../test/demo-logins.js';
import { createTestApp, lastCodeFor, TestClient, type TestApp } from '../test/test-app.js';
import { hashPassword } from './passwords.js';
import { maskName, maskUsername } from './password-reset.js';

const li = DEMO_CANDIDATES[1];
const STAFF_PASSWORD = 'Staff2026old';

interface Verified {
  resetToken: string;
  accounts: { accountId: string; role: string; maskedName: string; maskedUsername: string }[];
}

/** 找回密码 (docs/journeys.md J5): scoped to 考生 or 工作人员, and to one account of that phone. */
describe('password reset by SMS', () => {
  let test: TestApp;
  let client: TestClient;

  const sendCode = (accountKind: 'candidate' | 'staff', phone = li.phone) =>
    client.post('/api/auth/sms-codes', {
      schoolSlug: 'demo',
      phone,
      purpose: 'reset_password',
      accountKind,
    });
  const verify = async (accountKind: 'candidate' | 'staff', phone = li.phone) => {
    expect((await sendCode(accountKind, phone)).statusCode).toBe(200);
    return client.post('/api/auth/password/reset/verify', {
      schoolSlug: 'demo',
      accountKind,
      phone,
      code: lastCodeFor(test.sms, phone),
    });
  };
  const reset = (resetToken: string, accountId: string, newPassword = 'NewPass2026') =>
    client.post('/api/auth/password/reset', {
      schoolSlug: 'demo',
      resetToken,
      accountId,
      newPassword,
    });
  const idLogin = (password: string) =>
    new TestClient(test.app).post('/api/auth/login/id-number', {
      schoolSlug: 'demo',
      idNumber: li.idNumber,
      password,
    });
  const staffLogin = (login: string, password: string) =>
    new TestClient(test.app).post('/api/auth/login/staff', { schoolSlug: 'demo', login, password });

  /** Staff accounts that share 李四's phone (a teacher who is also a candidate, say). */
  const addStaffWithPhone = async (
    accounts: { username: string; name: string; role: 'examiner' | 'proctor' }[],
  ) => {
    const [demo] = await test.database.db.select().from(school).where(eq(school.slug, 'demo'));
    const passwordHash = await hashPassword(STAFF_PASSWORD);
    for (const account of accounts) {
      await test.database.db
        .insert(appUser)
        .values({ ...account, schoolId: demo?.id, phone: li.phone, passwordHash });
    }
  };

  beforeEach(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    client = new TestClient(test.app);
  });
  afterEach(() => test.close());

  it('resets only the candidate account when the person chose 考生', async () => {
    await addStaffWithPhone([{ username: 'li_teacher', name: '李老师', role: 'examiner' }]);
    // 李四 forgot the password and tried a few: the login now asks for a picture code.
    for (let i = 0; i < 3; i++) await idLogin(`forgotten-${String(i)}`);
    expect((await idLogin('forgotten-4')).json()).toMatchObject({
      error: { code: 'CAPTCHA_REQUIRED' },
    });
    const verified = await verify('candidate');
    expect(verified.statusCode).toBe(200);
    const { resetToken, accounts } = verified.json<Verified>();
    expect(accounts).toEqual([
      {
        accountId: expect.any(String) as string,
        role: 'candidate',
        maskedName: '李*',
        maskedUsername: null,
      },
    ]);
    expect((await reset(resetToken, accounts[0]?.accountId ?? '')).statusCode).toBe(200);

    // The reset lifts those limits: no picture code for the new password.
    expect((await idLogin('NewPass2026')).statusCode).toBe(200);
    expect((await idLogin(li.idNumber.slice(-6))).statusCode).toBe(401);
    // The staff account with the same phone keeps its password.
    expect((await staffLogin('li_teacher', STAFF_PASSWORD)).statusCode).toBe(200);
    expect((await staffLogin('li_teacher', 'NewPass2026')).statusCode).toBe(401);

    const admin = await loginStaff(test, 'admin');
    const audit = await auditEntries(admin, 'auth.password_reset');
    expect(audit.map((entry) => entry.actorName)).toEqual(['李四']);
  });

  it('makes the person pick one of several staff accounts, shown masked only after the code', async () => {
    await addStaffWithPhone([
      { username: 'li_examiner', name: '李明华', role: 'examiner' },
      { username: 'li_proctor', name: '李明华', role: 'proctor' },
    ]);
    const sent = await sendCode('staff');
    expect(sent.json()).toEqual({ resendAfterSeconds: 60, expiresInSeconds: 300 });
    const wrong = await client.post('/api/auth/password/reset/verify', {
      schoolSlug: 'demo',
      accountKind: 'staff',
      phone: li.phone,
      code: lastCodeFor(test.sms, li.phone) === '000000' ? '111111' : '000000',
    });
    expect(wrong.json()).toMatchObject({ error: { code: 'SMS_CODE_INVALID' } });
    expect(wrong.body).not.toContain('li_');

    test.clock.advance(61_000);
    const { resetToken, accounts } = (await verify('staff')).json<Verified>();
    expect(
      accounts.map(({ role, maskedName, maskedUsername }) => ({
        role,
        maskedName,
        maskedUsername,
      })),
    ).toEqual([
      { role: 'examiner', maskedName: '李*华', maskedUsername: 'li***r' },
      { role: 'proctor', maskedName: '李*华', maskedUsername: 'li***r' },
    ]);
    const proctor = accounts.find((account) => account.role === 'proctor');
    expect((await reset(resetToken, proctor?.accountId ?? '')).statusCode).toBe(200);

    expect((await staffLogin('li_proctor', 'NewPass2026')).statusCode).toBe(200);
    expect((await staffLogin('li_examiner', STAFF_PASSWORD)).statusCode).toBe(200);
    // The candidate account with that phone is untouched too.
    expect((await idLogin(li.idNumber.slice(-6))).statusCode).toBe(200);
  });

  it('uses a reset once, for 10 minutes, and only for an account it listed', async () => {
    await addStaffWithPhone([{ username: 'li_teacher', name: '李老师', role: 'examiner' }]);
    const first = (await verify('staff')).json<Verified>();
    const teacher = first.accounts[0]?.accountId ?? '';
    const adminId = (await (await loginStaff(test, 'admin')).get('/api/auth/me')).json<{
      user: { id: string };
    }>().user.id;

    const foreign = await reset(first.resetToken, adminId);
    expect(foreign.json()).toMatchObject({ error: { code: 'PASSWORD_RESET_EXPIRED' } });
    expect((await staffLogin('admin', DEMO_STAFF_PASSWORD)).statusCode).toBe(200);

    test.clock.advance(61_000);
    const second = (await verify('staff')).json<Verified>();
    expect((await reset(second.resetToken, teacher)).statusCode).toBe(200);
    expect((await reset(second.resetToken, teacher, 'Again2026x')).json()).toMatchObject({
      error: { code: 'PASSWORD_RESET_EXPIRED' },
    });
    const tampered = second.resetToken.replace(/\.staff\./, '.candidate.');
    expect((await reset(tampered, teacher)).json()).toMatchObject({
      error: { code: 'PASSWORD_RESET_EXPIRED' },
    });

    test.clock.advance(61_000);
    const third = (await verify('staff')).json<Verified>();
    test.clock.advance(10 * 60_000 + 1000);
    expect((await reset(third.resetToken, teacher)).json()).toMatchObject({
      error: { code: 'PASSWORD_RESET_EXPIRED' },
    });
  });
});

describe('masking for the account choice', () => {
  it('keeps just enough of a name and a username for their owner to recognise', () => {
    expect(['王', '张三', '李明华', '欧阳明锋'].map(maskName)).toEqual([
      '*',
      '张*',
      '李*华',
      '欧**锋',
    ]);
    expect(['ab', 'abc', 'admin', 'li_examiner'].map(maskUsername)).toEqual([
      'a***',
      'a***',
      'ad***n',
      'li***r',
    ]);
  });
});
