import { expect } from 'vitest';
import { PHONE_COOKIE } from '../../shared/api/phone.js';
import { TestClient, type TestApp } from '../test/test-app.js';
import { loginCandidate, registrationIdOf } from '../test/demo-logins.js';

/** 张三 logged in, with attendance and roster data confirmed, so the check-in is open (test helper). */
export async function readyCandidate(
  test: TestApp,
): Promise<{ client: TestClient; registrationId: string }> {
  const client = await loginCandidate(test, 'INT2026', 'INT2026001');
  const registrationId = await registrationIdOf(client, 'INT2026001');
  const base = `/api/me/registrations/${registrationId}`;
  expect((await client.put(`${base}/attendance`, { attendance: 'confirmed' })).statusCode).toBe(
    200,
  );
  expect((await client.post(`${base}/identity/confirm`)).statusCode).toBe(200);
  return { client, registrationId };
}

export const pairingUrl = (registrationId: string) =>
  `/api/me/registrations/${registrationId}/check-in/phone/pairing`;

/** A fresh QR token for the registration (test helper). */
export async function newPairingToken(candidate: TestClient, registrationId: string) {
  const response = await candidate.post(pairingUrl(registrationId));
  expect(response.statusCode).toBe(200);
  return response.json<{ token: string; expiresAt: string }>().token;
}

/** A new phone (its own cookie jar) that scanned the token (test helper). */
export async function claimedPhone(test: TestApp, token: string): Promise<TestClient> {
  const phone = new TestClient(test.app);
  const response = await phone.post('/api/phone/claim', { token });
  expect(response.statusCode).toBe(200);
  expect(phone.cookie(PHONE_COOKIE)).toBeTruthy();
  return phone;
}
