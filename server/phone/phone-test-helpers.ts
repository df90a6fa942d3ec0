import { expect } from 'vitest';
import { PHONE_COOKIE, type PhoneSession } from '../../shared/api/phone.js';
import type { Ack } from '../../shared/events.js';
import { fakeSnapshot } from '../check-in/check-in-test-helpers.js';
import { cookieHeaderOf, RecordingSocket, urlOf } from '../realtime/socket-test-helpers.js';
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

/** A phone camera in use: its cookie jar, its socket, and a heartbeat on demand (test helper). */
export interface LivePhone {
  client: TestClient;
  socket: RecordingSocket;
  /** One `phone:heartbeat`, resolved once the server has stored it (as the phone sends them). */
  beat(): Promise<void>;
}

/**
 * The phone step as a candidate takes it: scan the QR code, 拍照验证 when the exam asks for it
 * (the test app's face engine matches `fakeSnapshot('match')`; no reference photo, no
 * comparison), 进入考试监控, then the phone's
 * socket beats once, which is what makes the phone live (test helper).
 */
export async function startedPhone(
  test: TestApp,
  candidate: TestClient,
  registrationId: string,
): Promise<LivePhone> {
  const phone = await claimedPhone(test, await newPairingToken(candidate, registrationId));
  const session = (await phone.get('/api/phone/session')).json<PhoneSession>();
  if (session.faceCheckRequired) {
    const photo = await phone.post('/api/phone/face', { image: fakeSnapshot('match') });
    // A candidate without a reference photo is not compared and goes on (下一步), flagged.
    expect(['match', 'no_reference']).toContain(
      photo.json<{ result: { verdict: string } }>().result.verdict,
    );
  }
  expect((await phone.post('/api/phone/start')).statusCode).toBe(200);
  const socket = new RecordingSocket(await urlOf(test), {
    cookie: cookieHeaderOf(phone),
    auth: { client: 'phone' },
  });
  await socket.connect();
  const beat = async () => {
    const ack = await new Promise<Ack>((resolve) => {
      socket.socket.emit('phone:heartbeat', resolve);
    });
    expect(ack).toEqual({ ok: true });
  };
  await beat();
  return { client: phone, socket, beat };
}
