import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyRegistration } from '../../shared/api/exams.js';
import type { SessionQueue } from '../../shared/api/interviews.js';
import type { SessionRoster } from '../../shared/api/roster.js';
import {
  checkInUrl,
  deviceReport,
  readCheckIn,
  sessionIdNamed,
} from '../check-in/check-in-test-helpers.js';
import {
  INTERVIEW_SESSION,
  checkedInCandidate,
  confirmedCandidate,
  waitingRoomUrl,
} from '../interviews/interview-test-helpers.js';
import { pairingUrl } from '../phone/phone-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';

/**
 * 我确认放弃 (docs/journeys.md J4: "giving up is final"), followed through what the candidate and
 * the staff then meet: 我的考场, the check-in, the 候考区 and the session's roster.
 */
describe('a withdrawal, through the routes', () => {
  let test: TestApp;
  let sessionId: string;
  let waiting1: TestClient;

  const withdraw = async (client: TestClient, registrationId: string) => {
    const response = await client.put(`/api/me/registrations/${registrationId}/attendance`, {
      attendance: 'withdrawn',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ attendance: 'withdrawn' });
  };
  const myRow = async (client: TestClient, registrationId: string) => {
    const response = await client.get('/api/me/registrations');
    expect(response.statusCode).toBe(200);
    const row = response
      .json<{ items: MyRegistration[] }>()
      .items.find((item) => item.registrationId === registrationId);
    if (!row) throw new Error('registration not listed');
    return row;
  };
  const refusalOf = (response: Awaited<ReturnType<TestClient['get']>>) => ({
    status: response.statusCode,
    code: response.json<{ error?: { code: string } }>().error?.code,
  });

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    sessionId = await sessionIdNamed(test, INTERVIEW_SESSION);
    waiting1 = await loginStaff(test, 'waiting1');
  });
  afterAll(() => test.close());

  it('keeps a candidate who passed every check out of the 候考区, saying why', async () => {
    const li = await checkedInCandidate(test, 'INT2026002');
    expect(await readCheckIn(li.client, li.registrationId)).toMatchObject({
      canEnter: true,
      enterBlock: null,
    });

    await withdraw(li.client, li.registrationId);

    // The check-in stays readable, to tell the candidate why 进入考试 is gone.
    expect(await readCheckIn(li.client, li.registrationId)).toMatchObject({
      canEnter: false,
      enterBlock: 'withdrawn',
    });
    expect(await myRow(li.client, li.registrationId)).toMatchObject({
      attendance: 'withdrawn',
      standing: 'withdrawn',
      checkInBlock: 'withdrawn',
    });
    const enter = await li.client.post(waitingRoomUrl(li.registrationId, 'enter'));
    expect(refusalOf(enter)).toEqual({ status: 409, code: 'CHECK_IN_NOT_ALLOWED' });

    // Nobody in the 候考区 waits for them.
    const queue = await waiting1.get(`/api/sessions/${sessionId}/waiting-room`);
    expect(queue.statusCode).toBe(200);
    expect(queue.json<SessionQueue>().items.map((item) => item.admissionNumber)).not.toContain(
      'INT2026002',
    );
  });

  it('changes no check-in step after a withdrawal, nor pairs a phone', async () => {
    const wang = await confirmedCandidate(test, 'INT2026003');
    await withdraw(wang.client, wang.registrationId);

    const device = await wang.client.put(checkInUrl(wang.registrationId, 'device'), deviceReport());
    expect(refusalOf(device)).toEqual({ status: 409, code: 'CHECK_IN_NOT_ALLOWED' });
    const pledge = await wang.client.post(checkInUrl(wang.registrationId, 'pledge'), {
      agree: true,
    });
    expect(refusalOf(pledge)).toEqual({ status: 409, code: 'CHECK_IN_NOT_ALLOWED' });
    const pairing = await wang.client.post(pairingUrl(wang.registrationId));
    expect(refusalOf(pairing)).toEqual({ status: 409, code: 'CHECK_IN_NOT_ALLOWED' });

    const checkIn = await readCheckIn(wang.client, wang.registrationId);
    expect(checkIn.steps.device.state).toBe('pending');
    expect(checkIn.steps.pledge.state).toBe('pending');
  });

  it('says withdrawn, not what is left to confirm, when the candidate gives up at once', async () => {
    const zhao = await loginCandidate(test, 'INT2026', 'INT2026004');
    const zhaoId = await registrationIdOf(zhao, 'INT2026004');
    expect(await myRow(zhao, zhaoId)).toMatchObject({ checkInBlock: 'attendance_pending' });
    await withdraw(zhao, zhaoId);

    expect(await myRow(zhao, zhaoId)).toMatchObject({
      attendance: 'withdrawn',
      standing: 'withdrawn',
      checkInBlock: 'withdrawn',
    });
    expect(await readCheckIn(zhao, zhaoId)).toMatchObject({
      canEnter: false,
      enterBlock: 'withdrawn',
    });
    const attend = await zhao.put(`/api/me/registrations/${zhaoId}/attendance`, {
      attendance: 'confirmed',
    });
    expect(refusalOf(attend)).toEqual({ status: 409, code: 'CONFLICT' });
  });

  it('refuses to withdraw once in the 候考区: the ticket stays, and the staff still see them', async () => {
    const zhang = await checkedInCandidate(test, 'INT2026001');
    expect(
      (await zhang.client.post(waitingRoomUrl(zhang.registrationId, 'enter'))).statusCode,
    ).toBe(200);
    const response = await zhang.client.put(
      `/api/me/registrations/${zhang.registrationId}/attendance`,
      { attendance: 'withdrawn' },
    );
    expect(refusalOf(response)).toEqual({ status: 409, code: 'WITHDRAWAL_AFTER_ENTRY' });
    expect(await myRow(zhang.client, zhang.registrationId)).toMatchObject({
      attendance: 'confirmed',
    });
    const ticket = await zhang.client.get(waitingRoomUrl(zhang.registrationId));
    expect(ticket.statusCode).toBe(200);
    expect(ticket.json<{ ticket: { state: string } | null }>().ticket?.state).toBe('waiting');
    const queue = (
      await waiting1.get(`/api/sessions/${sessionId}/waiting-room`)
    ).json<SessionQueue>();
    expect(queue.items.map((item) => item.admissionNumber)).toContain('INT2026001');
  });

  it('shows the staff who withdrew, in the session roster', async () => {
    const admin = await loginStaff(test, 'admin');
    const response = await admin.get(`/api/sessions/${sessionId}/roster`);
    expect(response.statusCode).toBe(200);
    const roster = response.json<SessionRoster>();
    const attendanceOf = Object.fromEntries(
      roster.items.map((item) => [item.admissionNumber, item.attendance]),
    );
    expect(attendanceOf).toMatchObject({
      INT2026002: 'withdrawn',
      INT2026003: 'withdrawn',
      INT2026004: 'withdrawn',
    });
    expect(roster.counts.withdrawn).toBe(3);
  });
});
