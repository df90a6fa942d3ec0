import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE_COOKIE } from '../../shared/api/phone.js';
import { sha256Hex } from '../auth/tokens.js';
import { appUser, loginSession, phonePairing, smsCode } from '../db/schema/index.js';
import { claimedPhone, newPairingToken, readyCandidate } from '../phone/phone-test-helpers.js';
import { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, lastCodeFor, type TestApp } from '../test/test-app.js';

/** What a copy of the database (a backup, a leaked dump) gives an attacker: no usable secret. */
describe('secrets at rest', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
  });
  afterAll(() => test.close());

  it('stores passwords as argon2id hashes only', async () => {
    const rows = await test.database.db
      .select({ hash: appUser.passwordHash })
      .from(appUser)
      .where(eq(appUser.username, 'admin'));
    const hash = rows[0]?.hash ?? '';
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(hash).not.toContain(DEMO_STAFF_PASSWORD);
  });

  it('stores a login session by the SHA-256 of its cookie, never the cookie', async () => {
    const admin = await loginStaff(test, 'admin');
    const token = admin.cookie('invigil_sid') ?? '';
    expect(token.length).toBeGreaterThanOrEqual(32);
    const sessions = await test.database.db.select().from(loginSession);
    expect(sessions.map((row) => row.tokenHash)).toContain(sha256Hex(token));
    expect(JSON.stringify(sessions)).not.toContain(token);
  });

  it('stores SMS codes as an HMAC, not the 6 digits sent', async () => {
    const phone = DEMO_CANDIDATES[0].phone;
    const sent = await test.app.inject({
      method: 'POST',
      url: '/api/auth/sms-codes',
      headers: { cookie: 'invigil_csrf=t', 'x-csrf-token': 't' },
      payload: { schoolSlug: 'demo', phone, purpose: 'login' },
    });
    expect(sent.statusCode).toBe(200);
    const code = lastCodeFor(test.sms, phone);
    const rows = await test.database.db.select().from(smsCode).where(eq(smsCode.phone, phone));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.codeHash).not.toContain(code);
    expect(rows[0]?.codeHash.length).toBeGreaterThanOrEqual(64);
  });

  it('stores the phone pairing token and the device cookie as hashes', async () => {
    const { client, registrationId } = await readyCandidate(test);
    const token = await newPairingToken(client, registrationId);
    const phone = await claimedPhone(test, token);
    const secret = phone.cookie(PHONE_COOKIE) ?? '';
    const [pairing] = await test.database.db
      .select()
      .from(phonePairing)
      .where(eq(phonePairing.registrationId, registrationId));
    expect(pairing?.tokenHash).toBe(sha256Hex(token));
    expect(pairing?.deviceSecretHash).toBe(sha256Hex(secret));
    expect(JSON.stringify(pairing)).not.toContain(token);
    expect(JSON.stringify(pairing)).not.toContain(secret);
  });
});
