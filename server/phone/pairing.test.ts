import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAIRING_TOKEN_TTL_SECONDS, PHONE_COOKIE } from '../../shared/api/phone.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import { claimedPhone, newPairingToken, pairingUrl, readyCandidate } from './phone-test-helpers.js';

describe('PhoneService pairing (双机位)', () => {
  let test: TestApp;
  let zhang: TestClient;
  let registrationId: string;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    ({ client: zhang, registrationId } = await readyCandidate(test));
  });
  afterAll(() => test.close());

  it('refuses a QR code before attendance and roster data are confirmed', async () => {
    const li = await loginCandidate(test, 'INT2026', 'INT2026002');
    const liInterview = await registrationIdOf(li, 'INT2026002');
    const response = await li.post(pairingUrl(liInterview));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CHECK_IN_NOT_ALLOWED');
  });

  it("answers 404 for someone else's registration", async () => {
    const li = await loginCandidate(test, 'INT2026', 'INT2026002');
    const response = await li.post(pairingUrl(registrationId));
    expect(response.statusCode).toBe(404);
  });

  it('issues a token that expires after PAIRING_TOKEN_TTL_SECONDS', async () => {
    const response = await zhang.post(pairingUrl(registrationId));
    expect(response.statusCode).toBe(200);
    const { token, expiresAt } = response.json<{ token: string; expiresAt: string }>();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(expiresAt).getTime() - test.clock.now().getTime()).toBe(
      PAIRING_TOKEN_TTL_SECONDS * 1000,
    );
  });

  it('lets exactly one of two simultaneous claims of a token win', async () => {
    const token = await newPairingToken(zhang, registrationId);
    const first = new TestClient(test.app);
    const second = new TestClient(test.app);
    await first.get('/api/auth/csrf');
    await second.get('/api/auth/csrf');
    const answers = await Promise.all([
      first.post('/api/phone/claim', { token }),
      second.post('/api/phone/claim', { token }),
    ]);
    const codes = answers.map((answer) => answer.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const loser = answers.find((answer) => answer.statusCode === 409);
    expect(loser?.json().error.code).toBe('PAIRING_TOKEN_USED');
  });

  it('sets the device cookie httpOnly and SameSite=Strict, and shows whose camera it is', async () => {
    const token = await newPairingToken(zhang, registrationId);
    const phone = new TestClient(test.app);
    const response = await phone.post('/api/phone/claim', { token });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((item) => item.name === PHONE_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(response.json()).toMatchObject({
      registrationId,
      candidateName: '张三',
      admissionNumber: 'INT2026001',
      faceCheckRequired: true,
      faceVerdict: null,
      faceAttempts: 0,
      attemptsAllowed: 4,
      startedAt: null,
    });
    const resumed = await phone.get('/api/phone/session');
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json().registrationId).toBe(registrationId);
  });

  it('answers PAIRING_TOKEN_INVALID for an unknown token', async () => {
    const phone = new TestClient(test.app);
    const response = await phone.post('/api/phone/claim', { token: 'x'.repeat(43) });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('PAIRING_TOKEN_INVALID');
  });

  it('answers PAIRING_TOKEN_EXPIRED after the TTL, and for a QR code replaced by a newer one', async () => {
    const stale = await newPairingToken(zhang, registrationId);
    test.clock.advance(PAIRING_TOKEN_TTL_SECONDS * 1000 + 1);
    const phone = new TestClient(test.app);
    const late = await phone.post('/api/phone/claim', { token: stale });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('PAIRING_TOKEN_EXPIRED');

    const older = await newPairingToken(zhang, registrationId);
    await newPairingToken(zhang, registrationId);
    const replaced = await phone.post('/api/phone/claim', { token: older });
    expect(replaced.json().error.code).toBe('PAIRING_TOKEN_EXPIRED');
  });

  it('replaces the old phone on re-pairing: its cookie no longer works', async () => {
    const oldPhone = await claimedPhone(test, await newPairingToken(zhang, registrationId));
    expect((await oldPhone.get('/api/phone/session')).statusCode).toBe(200);
    const newPhone = await claimedPhone(test, await newPairingToken(zhang, registrationId));
    const old = await oldPhone.get('/api/phone/session');
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('PHONE_NOT_PAIRED');
    expect((await newPhone.get('/api/phone/session')).statusCode).toBe(200);

    const admin = await loginStaff(test, 'admin');
    const entries = await auditEntries(admin, 'phone.paired');
    expect(entries.some((entry) => entry.detail?.includes('replaced the paired phone'))).toBe(true);
    expect(entries[0]).toMatchObject({ targetId: registrationId, actorName: '张三' });
  });

  it('answers PHONE_NOT_PAIRED without a device cookie', async () => {
    const stranger = new TestClient(test.app);
    const response = await stranger.get('/api/phone/session');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('PHONE_NOT_PAIRED');
  });

  it('requires the CSRF header on the public phone mutations, like the login routes', async () => {
    const token = await newPairingToken(zhang, registrationId);
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/phone/claim',
      payload: { token },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
  });
});
