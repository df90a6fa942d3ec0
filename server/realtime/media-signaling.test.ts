import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERVIEW_RULES } from '../demo/demo-data.js';
import type { Ack, MediaPublish, RtcSignal, WatchMedia } from '../../shared/events.js';
import { exam } from '../db/schema/index.js';
import { claimedPhone, newPairingToken, readyCandidate } from '../phone/phone-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { cookieHeaderOf, listen, RecordingSocket } from './socket-test-helpers.js';

const OFFER = { type: 'offer', sdp: 'v=0 offer' } as const;
const ANSWER = { type: 'answer', sdp: 'v=0 answer' } as const;
const CANDIDATE = {
  candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host',
  sdpMid: '0',
  sdpMLineIndex: 0,
};

describe('Media signaling relay (P2P over our socket)', () => {
  let test: TestApp;
  let url: string;
  let zhang: TestClient;
  let registrationId: string;
  let pc: RecordingSocket;
  let phone: RecordingSocket;

  const connect = async (client: TestClient, auth: 'user' | 'phone' = 'user') => {
    const socket = new RecordingSocket(url, {
      cookie: cookieHeaderOf(client),
      auth: { client: auth },
    });
    await socket.connect();
    return socket;
  };
  const watchMedia = (socket: RecordingSocket, payload: WatchMedia) => socket.watchMedia(payload);
  const publish = (socket: RecordingSocket, payload: MediaPublish) => socket.publish(payload);
  const signal = (socket: RecordingSocket, payload: RtcSignal) => {
    socket.socket.emit('rtc:signal', payload);
  };
  /** An acked round trip: everything the socket sent before has been handled by the server. */
  const flush = (socket: RecordingSocket) =>
    new Promise<Ack>((resolve) => {
      socket.socket.emit('session:watch', { sessionId: 'flush' }, resolve);
    });

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    // The phone goes straight to 进入考试监控: no verification photo needed for this test.
    await test.database.db
      .update(exam)
      .set({ rules: { ...INTERVIEW_RULES, faceCheckRequired: false } })
      .where(eq(exam.code, 'INT2026'));
    url = await listen(test);
    ({ client: zhang, registrationId } = await readyCandidate(test));
    const phoneClient = await claimedPhone(test, await newPairingToken(zhang, registrationId));
    pc = await connect(zhang);
    phone = await connect(phoneClient, 'phone');
    expect((await phoneClient.post('/api/phone/start')).statusCode).toBe(200);
    await pc.next('phone:status', (s) => s.publisherSocketId === phone.id);
  });
  afterAll(async () => {
    pc.close();
    phone.close();
    await test.close();
  });

  it('relays offer, answer and candidates between the phone and the PC, naming the sender', async () => {
    expect(await watchMedia(pc, { registrationId, source: 'phone', peerId: 'pc-1' })).toEqual({
      ok: true,
    });
    const [request] = await phone.next('media:watch-requested');
    // No layer asked: the full one (the candidate's own PC showing its phone).
    expect(request).toEqual({ peerId: 'pc-1', peer: pc.id, source: 'phone', layer: 'full' });

    signal(phone, { peerId: 'pc-1', peer: pc.id, description: OFFER });
    const [offer] = await pc.next('rtc:signal', (s) => s.description?.type === 'offer');
    expect(offer).toEqual({ peerId: 'pc-1', peer: phone.id, description: OFFER });

    signal(pc, { peerId: 'pc-1', peer: phone.id, description: ANSWER });
    const [answer] = await phone.next('rtc:signal', (s) => s.description?.type === 'answer');
    expect(answer.peer).toBe(pc.id);

    signal(pc, { peerId: 'pc-1', peer: phone.id, candidate: CANDIDATE });
    const [candidate] = await phone.next('rtc:signal', (s) => s.candidate !== undefined);
    expect(candidate).toEqual({ peerId: 'pc-1', peer: pc.id, candidate: CANDIDATE });
  });

  it('drops signals from a socket that is not part of the link', async () => {
    const li = await connect(await loginCandidate(test, 'INT2026', 'INT2026002'));
    phone.clear();
    signal(li, { peerId: 'pc-1', peer: phone.id, description: OFFER });
    signal(li, { peerId: 'pc-1', peer: pc.id, description: OFFER });
    await flush(li);
    signal(pc, { peerId: 'pc-1', peer: phone.id, candidate: CANDIDATE });
    await phone.next('rtc:signal');
    expect(phone.received('rtc:signal').map(([s]) => s.peer)).toEqual([pc.id]);
    expect(await watchMedia(li, { registrationId, source: 'phone', peerId: 'li-1' })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    li.close();
  });

  it('lets session staff subscribe to the phone and to the PC camera the PC publishes', async () => {
    const proctor = await connect(await loginStaff(test, 'proctor1'));
    expect(
      await watchMedia(proctor, {
        registrationId,
        source: 'phone',
        peerId: 'staff-1',
        layer: 'low',
      }),
    ).toEqual({ ok: true });
    const [phoneRequest] = await phone.next('media:watch-requested', (r) => r.peer === proctor.id);
    expect(phoneRequest.layer).toBe('low');

    expect(
      await watchMedia(proctor, { registrationId, source: 'camera', peerId: 'staff-2' }),
    ).toEqual({ ok: false, code: 'MEDIA_UNAVAILABLE' });
    expect(await publish(pc, { registrationId, source: 'camera' })).toEqual({ ok: true });
    expect(
      await watchMedia(proctor, { registrationId, source: 'camera', peerId: 'staff-2' }),
    ).toEqual({ ok: true });
    const [request] = await pc.next('media:watch-requested', (r) => r.peer === proctor.id);
    expect(request).toEqual({
      peerId: 'staff-2',
      peer: proctor.id,
      source: 'camera',
      layer: 'full',
    });

    pc.socket.emit('media:unpublish', { registrationId, source: 'camera' });
    const [closed] = await proctor.next('media:peer-closed', (c) => c.peerId === 'staff-2');
    expect(closed.peer).toBe(pc.id);
    proctor.close();
    await phone.next('media:peer-closed', (c) => c.peerId === 'staff-1');
  });

  it('refuses a phone socket publishing or a candidate publishing for another registration', async () => {
    const li = await connect(await loginCandidate(test, 'INT2026', 'INT2026002'));
    expect(await publish(li, { registrationId, source: 'camera' })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await publish(phone, { registrationId, source: 'screen' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    li.close();
  });

  it("closes links on unwatch and on the phone's disconnect, and the PC sees no publisher", async () => {
    pc.socket.emit('media:unwatch', { peerId: 'pc-1', peer: phone.id });
    const [closed] = await phone.next('media:peer-closed', (c) => c.peerId === 'pc-1');
    expect(closed.peer).toBe(pc.id);

    expect(await watchMedia(pc, { registrationId, source: 'phone', peerId: 'pc-2' })).toEqual({
      ok: true,
    });
    pc.clear();
    const phoneId = phone.id;
    phone.close();
    const [gone] = await pc.next('media:peer-closed');
    expect(gone).toEqual({ peerId: 'pc-2', peer: phoneId });
    const [status] = await pc.next('phone:status', (s) => s.registrationId === registrationId);
    expect(status).toMatchObject({ publisherSocketId: null, state: 'live' });
    expect(await watchMedia(pc, { registrationId, source: 'phone', peerId: 'pc-3' })).toEqual({
      ok: false,
      code: 'MEDIA_UNAVAILABLE',
    });
  });
});
