import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdNamed } from '../check-in/check-in-test-helpers.js';
import { connectClient, listen, type RecordingSocket } from '../realtime/socket-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import {
  INTERVIEW_SESSION,
  checkedInCandidate,
  command,
  enter,
  waitingRoomUrl,
} from './interview-test-helpers.js';

/**
 * The examiners' cameras (`staff` streams): who may publish one, and which candidate may see and
 * hear which examiner when (docs/journeys.md J1: nobody while waiting, the 候考官 during the call, the
 * panel during the interview).
 */
describe("Examiners' cameras in the call and the interview", () => {
  let test: TestApp;
  let url: string;
  let sessionId: string;
  let zhang: TestClient;
  let zhangId: string;
  let waiting1: TestClient;
  let panel1: TestClient;
  let panel2: TestClient;
  const opened: RecordingSocket[] = [];

  const connect = (client: TestClient) => connectClient(test, url, client, opened);
  const publishCamera = (socket: RecordingSocket) => socket.publish({ sessionId, source: 'staff' });
  const watchStaff = (socket: RecordingSocket, staffId: string, peerId: string) =>
    socket.watchMedia({ sessionId, staffId, source: 'staff', peerId });

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    url = await listen(test);
    sessionId = await sessionIdNamed(test, INTERVIEW_SESSION);
    ({ client: zhang, registrationId: zhangId } = await checkedInCandidate(test, 'INT2026001'));
    waiting1 = await loginStaff(test, 'waiting1');
    panel1 = await loginStaff(test, 'panel1');
    panel2 = await loginStaff(test, 'panel2');
  });
  afterAll(async () => {
    for (const socket of opened) socket.close();
    await test.close();
  });

  it('lets the candidate see the calling examiner during the call only, and the panel in the room', async () => {
    await enter(zhang, zhangId);
    const pc = await connect(zhang);
    const examiner = await connect(waiting1);

    // Only staff of the session publish a `staff` stream; the candidate's PC hears it came on.
    expect(await publishCamera(pc)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await publishCamera(examiner)).toEqual({ ok: true });
    const [available] = await pc.next('media:available', (stream) => stream.source === 'staff');
    expect(available).toMatchObject({ sessionId, source: 'staff' });
    const waitingExaminerId = available.source === 'staff' ? available.staffId : '';

    // Waiting: the examiner is not visible (docs/journeys.md J1).
    expect(await watchStaff(pc, waitingExaminerId, 'before-call')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });

    expect((await command(waiting1, sessionId, zhangId, 'call')).status).toBe(200);
    const [called] = await pc.next('ticket:changed', (change) => change.ticket.state === 'called');
    expect(called.ticket.mediaPeers).toEqual([
      { staffId: waitingExaminerId, name: '候考官 陈老师' },
    ]);
    expect(await watchStaff(pc, waitingExaminerId, 'in-call')).toEqual({ ok: true });
    const [request] = await examiner.next('media:watch-requested');
    expect(request).toEqual({ peerId: 'in-call', peer: pc.id, source: 'staff', layer: 'full' });

    // The call ends: the server closes the candidate's link even if the page keeps it.
    expect((await command(waiting1, sessionId, zhangId, 'end-call')).status).toBe(200);
    const [closed] = await pc.next('media:peer-closed', (change) => change.peerId === 'in-call');
    expect(closed.peer).toBe(examiner.id);
    const [back] = await pc.next('ticket:changed', (change) => change.ticket.state === 'waiting');
    expect(back.ticket.mediaPeers).toEqual([]);
    expect(await watchStaff(pc, waitingExaminerId, 'after-call')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });

    // The interview: the panel (examiner and chair), not the waiting-room examiner.
    expect((await command(waiting1, sessionId, zhangId, 'call')).status).toBe(200);
    await command(waiting1, sessionId, zhangId, 'readiness', { readiness: 'ready' });
    expect((await command(waiting1, sessionId, zhangId, 'end-call')).status).toBe(200);
    expect((await command(panel1, sessionId, zhangId, 'invite')).status).toBe(200);
    expect((await zhang.post(waitingRoomUrl(zhangId, 'accept'))).statusCode).toBe(200);
    const [inRoom] = await pc.next('ticket:changed', (change) => change.ticket.state === 'in_room');
    const panelNames = inRoom.ticket.mediaPeers.map((peer) => peer.name);
    expect(panelNames).toHaveLength(2);
    expect(panelNames.every((name) => !name.includes('候考官'))).toBe(true);

    const chair = await connect(panel1);
    const member = await connect(panel2);
    expect(await publishCamera(chair)).toEqual({ ok: true });
    const [chairStream] = await pc.next(
      'media:available',
      (stream) => stream.source === 'staff' && stream.staffId !== waitingExaminerId,
    );
    const chairId = chairStream.source === 'staff' ? chairStream.staffId : '';
    expect(inRoom.ticket.mediaPeers.map((peer) => peer.staffId)).toContain(chairId);
    expect(await watchStaff(pc, chairId, 'panel')).toEqual({ ok: true });
    expect(await watchStaff(pc, waitingExaminerId, 'not-panel')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    // Panel examiners see one another.
    expect(await watchStaff(member, chairId, 'colleague')).toEqual({ ok: true });

    expect((await command(panel1, sessionId, zhangId, 'end-interview')).status).toBe(200);
    await pc.next('media:peer-closed', (change) => change.peerId === 'panel');
    const [done] = await pc.next('ticket:changed', (change) => change.ticket.state === 'done');
    expect(done.ticket.mediaPeers).toEqual([]);
    expect(await watchStaff(pc, chairId, 'after-interview')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});
