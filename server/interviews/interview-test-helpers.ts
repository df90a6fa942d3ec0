import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CandidateTicket, Ticket } from '../../shared/api/interviews.js';
import { confirmForCheckIn } from '../check-in/check-in-test-helpers.js';
import { checkIn, registration } from '../db/schema/index.js';
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

/** Every check-in step passed and the phone live, written directly (test helper). */
export async function passCheckIn(test: TestApp, registrationId: string): Promise<void> {
  const now = test.clock.now();
  const [owner] = await test.database.db
    .select({ schoolId: registration.schoolId })
    .from(registration)
    .where(eq(registration.id, registrationId));
  if (!owner) throw new Error('no registration');
  await test.database.db.insert(checkIn).values({
    registrationId,
    schoolId: owner.schoolId,
    deviceState: 'passed',
    faceState: 'passed',
    pledgeState: 'passed',
    phoneState: 'passed',
    phonePairedAt: now,
    phoneLastSeenAt: now,
  });
}

/** A demo candidate of INT2026 logged in with every check-in step passed (test helper). */
export async function checkedInCandidate(test: TestApp, admissionNumber: string) {
  const candidate = await confirmedCandidate(test, admissionNumber);
  await passCheckIn(test, candidate.registrationId);
  return candidate;
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
