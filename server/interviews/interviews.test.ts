import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateTicket, SessionQueue } from '../../shared/api/interviews.js';
import { PHONE_LOST_AFTER_MS } from '../../shared/enums.js';
import { sessionIdNamed } from '../check-in/check-in-test-helpers.js';
import type { LivePhone } from '../phone/phone-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import {
  INTERVIEW_SESSION,
  checkedInCandidate,
  command,
  confirmedCandidate,
  enter,
  passCheckIn,
  waitingRoomUrl,
} from './interview-test-helpers.js';

describe('Waiting room and interview over HTTP', () => {
  let test: TestApp;
  let sessionId: string;
  let zhang: TestClient;
  let zhangId: string;
  let zhangPhone: LivePhone;
  let li: TestClient;
  let liId: string;
  let waiting1: TestClient;
  let panel1: TestClient;
  let panel2: TestClient;
  let proctor: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    sessionId = await sessionIdNamed(test, INTERVIEW_SESSION);
    ({
      client: zhang,
      registrationId: zhangId,
      phone: zhangPhone,
    } = await checkedInCandidate(test, 'INT2026001'));
    ({ client: li, registrationId: liId } = await confirmedCandidate(test, 'INT2026002'));
    waiting1 = await loginStaff(test, 'waiting1');
    panel1 = await loginStaff(test, 'panel1');
    panel2 = await loginStaff(test, 'panel2');
    proctor = await loginStaff(test, 'proctor1');
    admin = await loginStaff(test, 'admin');
  });
  afterAll(() => test.close());

  const queue = async (staff: TestClient) => {
    const response = await staff.get(`/api/sessions/${sessionId}/waiting-room`);
    expect(response.statusCode).toBe(200);
    return response.json<SessionQueue>();
  };
  const myTicket = async (client: TestClient, registrationId: string) =>
    (await client.get(waitingRoomUrl(registrationId))).json<{ ticket: CandidateTicket | null }>()
      .ticket;

  it('refuses to enter before the check-in allows it, with a clear code', async () => {
    expect(await myTicket(zhang, zhangId)).toBeNull();
    const anonymous = await test.app.inject({ method: 'GET', url: waitingRoomUrl(zhangId) });
    expect(anonymous.statusCode).toBe(401);
    const refused = await li.post(waitingRoomUrl(liId, 'enter'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('WAITING_ROOM_CLOSED');
    expect(await myTicket(li, liId)).toBeNull();
    await passCheckIn(test, { client: li, registrationId: liId });
  });

  it('creates one ticket per registration; entering again answers the same ticket', async () => {
    const first = await enter(zhang, zhangId);
    expect(first).toMatchObject({
      registrationId: zhangId,
      state: 'waiting',
      readiness: 'unmarked',
      arrivedAt: test.clock.now().toISOString(),
      waitingExaminer: 'offline',
    });
    expect(first).not.toHaveProperty('readinessNote');
    test.clock.advance(1000);
    const again = await enter(zhang, zhangId);
    expect(again.arrivedAt).toBe(first.arrivedAt);
    expect(again.version).toBe(first.version);
    await enter(li, liId);
    expect((await li.post(waitingRoomUrl(zhangId, 'enter'))).statusCode).toBe(404);
  });

  it('shows staff of the session the queue with check-in results; others get 404', async () => {
    const seen = await queue(waiting1);
    expect(seen.order).toBe('admission_number');
    expect(seen.myDuties).toEqual(['waiting_examiner']);
    expect(seen.items.map((item) => item.admissionNumber)).toEqual(['INT2026001', 'INT2026002']);
    expect(seen.items[0]?.checkIn.steps.face.state).toBe('passed');
    expect(seen.items[0]?.checkIn.steps.phone.connection).toBe('live');
    // The phone column follows the phone's own heartbeat, on the server clock.
    test.clock.advance(PHONE_LOST_AFTER_MS + 1000);
    expect((await queue(waiting1)).items[0]?.checkIn.steps.phone.connection).toBe('lost');
    await zhangPhone.beat();
    expect((await queue(waiting1)).items[0]?.checkIn.steps.phone).toMatchObject({
      connection: 'live',
      lastSeenAt: test.clock.now().toISOString(),
    });
    expect((await queue(admin)).items).toHaveLength(2);
    expect((await queue(panel1)).myDuties.sort()).toEqual(['panel_chair', 'panel_examiner']);
    // The panel: each examiner once (panel1 is examiner and chair), not the waiting room's.
    const panel = (await queue(panel1)).panel.map((member) => member.name);
    expect(panel).toHaveLength(2);
    expect(panel.some((name) => name.includes('候考官'))).toBe(false);
    expect((await zhang.get(`/api/sessions/${sessionId}/waiting-room`)).statusCode).toBe(403);
  });

  it('lets only the waiting-room examiner call, one candidate at a time', async () => {
    expect(await command(panel1, sessionId, zhangId, 'call')).toMatchObject({
      status: 403,
      code: 'DUTY_REQUIRED',
    });
    expect(await command(proctor, sessionId, zhangId, 'call')).toMatchObject({ status: 403 });
    const called = await command(waiting1, sessionId, zhangId, 'call');
    expect(called.ticket).toMatchObject({
      state: 'called',
      calledByName: '候考官 陈老师',
      calledAt: test.clock.now().toISOString(),
      hasBeenCalled: true,
    });
    expect(await command(waiting1, sessionId, zhangId, 'call')).toMatchObject({ status: 200 });
    expect(await command(waiting1, sessionId, liId, 'call')).toMatchObject({
      status: 409,
      code: 'EXAMINER_IN_CALL',
    });
    expect((await queue(waiting1)).myCall).toBe(zhangId);
    expect(await myTicket(zhang, zhangId)).toMatchObject({ state: 'called' });
    expect(await myTicket(li, liId)).toMatchObject({ state: 'waiting' });
  });

  it('marks readiness with a note during or after a call, never before one', async () => {
    expect(
      await command(waiting1, sessionId, liId, 'readiness', { readiness: 'ready' }),
    ).toMatchObject({ status: 409, code: 'CANDIDATE_NOT_CALLED' });
    const marked = await command(waiting1, sessionId, zhangId, 'readiness', {
      readiness: 'not_ready',
      note: '身份证不清晰',
    });
    expect(marked.ticket).toMatchObject({ readiness: 'not_ready', readinessNote: '身份证不清晰' });
    const ended = await command(waiting1, sessionId, zhangId, 'end-call');
    expect(ended.ticket).toMatchObject({
      state: 'waiting',
      calledBy: null,
      returnReason: 'call_ended',
    });
    expect(await myTicket(zhang, zhangId)).toMatchObject({ returnReason: 'call_ended' });
    expect(await command(panel1, sessionId, zhangId, 'invite')).toMatchObject({
      status: 409,
      code: 'CANDIDATE_NOT_READY',
    });
    const ready = await command(waiting1, sessionId, zhangId, 'readiness', { readiness: 'ready' });
    expect(ready.ticket).toMatchObject({
      readiness: 'ready',
      readinessNote: null,
      state: 'waiting',
    });
  });

  it('invites a ready candidate; the candidate accepts; ending frees the panel', async () => {
    expect(await command(waiting1, sessionId, zhangId, 'invite')).toMatchObject({
      status: 403,
      code: 'DUTY_REQUIRED',
    });
    const invited = await command(panel2, sessionId, zhangId, 'invite');
    expect(invited.ticket).toMatchObject({
      state: 'invited',
      invitedAt: test.clock.now().toISOString(),
    });
    expect(await command(waiting1, sessionId, zhangId, 'call')).toMatchObject({
      code: 'TICKET_STATE_CONFLICT',
    });
    expect((await queue(panel1)).panelOccupiedBy).toBe(zhangId);

    test.clock.advance(5000);
    const accepted = await zhang.post(waitingRoomUrl(zhangId, 'accept'));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<CandidateTicket>()).toMatchObject({
      state: 'in_room',
      interviewStartedAt: test.clock.now().toISOString(),
    });
    expect((await li.post(waitingRoomUrl(liId, 'accept'))).statusCode).toBe(409);

    test.clock.advance(10 * 60_000);
    const done = await command(panel1, sessionId, zhangId, 'end-interview');
    expect(done.ticket).toMatchObject({
      state: 'done',
      interviewEndedAt: test.clock.now().toISOString(),
    });
    expect(await myTicket(zhang, zhangId)).toMatchObject({ state: 'done' });
    expect((await queue(panel1)).panelOccupiedBy).toBeNull();
  });

  it('records every command in the audit log', async () => {
    const actions = [
      ...(await auditEntries(admin, 'waiting_room.')),
      ...(await auditEntries(admin, 'interview.')),
    ]
      .filter((entry) => entry.targetId === zhangId)
      .map((entry) => entry.action)
      .sort();
    expect(actions).toEqual([
      'interview.accepted',
      'interview.ended',
      'interview.invited',
      'waiting_room.call_ended',
      'waiting_room.called',
      'waiting_room.entered',
      'waiting_room.marked',
      'waiting_room.marked',
    ]);
  });

  // Last: it moves the clock past the session's end.
  it("refuses to call or invite after the session's end; a running call can still end", async () => {
    expect((await command(waiting1, sessionId, liId, 'call')).status).toBe(200);
    test.clock.advance(9 * 3600_000);
    expect(await command(waiting1, sessionId, liId, 'end-call')).toMatchObject({ status: 200 });
    expect(await command(waiting1, sessionId, liId, 'call')).toMatchObject({
      status: 409,
      code: 'SESSION_ENDED',
    });
    expect(await command(panel1, sessionId, liId, 'invite')).toMatchObject({
      status: 409,
      code: 'SESSION_ENDED',
    });
  });
});
