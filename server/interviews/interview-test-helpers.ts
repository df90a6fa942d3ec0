import { expect } from 'vitest';
import type { CandidateTicket, Ticket } from '../../shared/api/interviews.js';
import {
  checkInUrl,
  confirmForCheckIn,
  deviceReport,
  faceBody,
  readCheckIn,
} from '../check-in/check-in-test-helpers.js';
import { startedPhone, type LivePhone } from '../phone/phone-test-helpers.js';
import { loginCandidate, registrationIdOf } from '../test/demo-logins.js';
import type { TestApp, TestClient } from '../test/test-app.js';

export const INTERVIEW_SESSION = '外国语学院面试第一考场';

/** A demo candidate of INT2026 logged in and confirmed, check-in not started (test helper). */
export async function confirmedCandidate(
  test: TestApp,
  admissionNumber: string,
): Promise<{ client: TestClient; registrationId: string }> {
  const client = await loginCandidate(test, 'INT2026', admissionNumber);
  const registrationId = await registrationIdOf(client, admissionNumber);
  await confirmForCheckIn(client, registrationId);
  return { client, registrationId };
}

/**
 * Every check-in step passed through the routes, as the candidate takes them, and the phone live
 * through its own socket's heartbeat (test helper).
 */
export async function passCheckIn(
  test: TestApp,
  candidate: { client: TestClient; registrationId: string },
): Promise<LivePhone> {
  const { client, registrationId } = candidate;
  const device = await client.put(checkInUrl(registrationId, 'device'), deviceReport());
  const face = await client.post(checkInUrl(registrationId, 'face'), faceBody('match'));
  // A candidate without a reference photo goes on, flagged for staff, as the page offers.
  const verdict = face.statusCode === 200 ? face.json<{ result: { verdict: string } }>() : null;
  const steps = [device, face];
  if (verdict && verdict.result.verdict !== 'match') {
    steps.push(await client.post(checkInUrl(registrationId, 'face/continue')));
  }
  steps.push(await client.post(checkInUrl(registrationId, 'pledge'), { agree: true }));
  expect(steps.map((response) => response.statusCode)).toEqual(steps.map(() => 200));
  const phone = await startedPhone(test, client, registrationId);
  const checkIn = await readCheckIn(client, registrationId);
  expect(checkIn).toMatchObject({ currentStep: null, steps: { phone: { connection: 'live' } } });
  // Flagged (not compared, no reference photo) still lets the candidate in.
  expect(['passed', 'flagged']).toContain(checkIn.steps.phone.state);
  return phone;
}

/** A demo candidate of INT2026 logged in with every check-in step passed (test helper). */
export async function checkedInCandidate(test: TestApp, admissionNumber: string) {
  const candidate = await confirmedCandidate(test, admissionNumber);
  const phone = await passCheckIn(test, candidate);
  return { ...candidate, phone };
}

export const waitingRoomUrl = (registrationId: string, action = '') =>
  `/api/me/registrations/${registrationId}/waiting-room${action ? `/${action}` : ''}`;

export const ticketUrl = (sessionId: string, registrationId: string, action: string) =>
  `/api/sessions/${sessionId}/waiting-room/${registrationId}/${action}`;

/** 进入考试, asserting it worked (test helper). */
export async function enter(client: TestClient, registrationId: string): Promise<CandidateTicket> {
  const response = await client.post(waitingRoomUrl(registrationId, 'enter'));
  expect(response.statusCode).toBe(200);
  return response.json<CandidateTicket>();
}

/** A staff command on a ticket; answers status and body (test helper). */
export async function command(
  staff: TestClient,
  sessionId: string,
  registrationId: string,
  action: string,
  body?: unknown,
) {
  const response = await staff.post(ticketUrl(sessionId, registrationId, action), body);
  return {
    status: response.statusCode,
    ticket: response.statusCode === 200 ? response.json<Ticket>() : null,
    code:
      response.statusCode === 200 ? null : response.json<{ error: { code: string } }>().error.code,
  };
}
