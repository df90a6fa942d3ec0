import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PHONE_LOST_AFTER_MS } from '../../shared/enums.js';
import type { Ack } from '../../shared/events.js';
import { examSession } from '../db/schema/index.js';
import { claimedPhone, newPairingToken, readyCandidate } from '../phone/phone-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { realtimeOf } from './socket-server.js';
import { cookieHeaderOf, listen, RecordingSocket } from './socket-test-helpers.js';

describe('Realtime: handshake, phone presence and session watching', () => {
  let test: TestApp;
  let url: string;
  let zhang: TestClient;
  let registrationId: string;
  let interviewSessionId: string;
  let writtenSessionId: string;
  const opened: RecordingSocket[] = [];

  const open = (options: ConstructorParameters<typeof RecordingSocket>[1] = {}) => {
    const socket = new RecordingSocket(url, options);
    opened.push(socket);
    return socket;
  };
  const asUser = async (client: TestClient) => {
    const socket = open({ cookie: cookieHeaderOf(client) });
    await socket.connect();
    return socket;
  };
  const asPhone = async (phone: TestClient) => {
    const socket = open({ cookie: cookieHeaderOf(phone), auth: { client: 'phone' } });
    await socket.connect();
    return socket;
  };
  const sessionIdNamed = async (name: string) => {
    const [row] = await test.database.db
      .select({ id: examSession.id })
      .from(examSession)
      .where(eq(examSession.name, name));
    if (!row) throw new Error(name);
    return row.id;
  };
  const watch = (socket: RecordingSocket, sessionId: unknown) =>
    new Promise<Ack>((resolve) => {
      socket.socket.emit('session:watch', sessionId as { sessionId: string }, resolve);
    });
  const heartbeat = (socket: RecordingSocket) =>
    new Promise<Ack>((resolve) => {
      socket.socket.emit('phone:heartbeat', resolve);
    });

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    url = await listen(test);
    ({ client: zhang, registrationId } = await readyCandidate(test));
    interviewSessionId = await sessionIdNamed('外国语学院面试第一考场');
    writtenSessionId = await sessionIdNamed('学位外语第一考场');
  });
  afterEach(() => {
    for (const socket of opened.splice(0)) socket.close();
  });
  afterAll(() => test.close());

  it('refuses a handshake without a cookie', async () => {
    await expect(open().connect()).rejects.toThrow('UNAUTHENTICATED');
  });

  it('refuses a logged-in cookie sent from a foreign Origin (cross-site WebSocket hijacking)', async () => {
    const foreign = open({ cookie: cookieHeaderOf(zhang), origin: 'https://evil.example' });
    await expect(foreign.connect()).rejects.toThrow('FORBIDDEN');
    const sameSite = open({ cookie: cookieHeaderOf(zhang), origin: url });
    await expect(sameSite.connect()).resolves.toBeTruthy();
  });

  it("sends the candidate's PC the current phone status first thing on connect", async () => {
    const pc = await asUser(zhang);
    const [status] = await pc.next('phone:status', (s) => s.registrationId === registrationId);
    expect(status).toMatchObject({ state: 'unpaired', pairedAt: null, publisherSocketId: null });
    expect(pc.names()[0]).toBe('phone:status');
  });

  it('does not let staff who are not assigned to a session watch it', async () => {
    const waiting = await asUser(await loginStaff(test, 'waiting1'));
    expect(await watch(waiting, { sessionId: writtenSessionId })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
    const candidate = await asUser(zhang);
    expect(await watch(candidate, { sessionId: interviewSessionId })).toMatchObject({ ok: false });
  });

  it('answers invalid payloads VALIDATION_FAILED and keeps the socket working', async () => {
    const proctor = await asUser(await loginStaff(test, 'proctor1'));
    expect(await watch(proctor, { sessionId: 'not-a-uuid' })).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    expect(await watch(proctor, 'junk')).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    proctor.socket.emit('rtc:signal', { nonsense: true } as never);
    const answer = await new Promise<Ack>((resolve) => {
      proctor.socket.emit('media:watch', { registrationId: 42 } as never, resolve);
    });
    expect(answer).toEqual({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await watch(proctor, { sessionId: interviewSessionId })).toEqual({ ok: true });
  });

  it('turns the phone lost after 10 s without heartbeat, for the PC and the watching staff, and live again', async () => {
    const pc = await asUser(zhang);
    const proctor = await asUser(await loginStaff(test, 'proctor1'));
    expect(await watch(proctor, { sessionId: interviewSessionId })).toEqual({ ok: true });

    const phone = await claimedPhone(test, await newPairingToken(zhang, registrationId));
    const isLive = (s: { registrationId: string; state: string }) =>
      s.registrationId === registrationId && s.state === 'live';
    await pc.next('phone:status', isLive);
    await proctor.next('phone:status', isLive);
    await pc.next('checkin:changed', (change) => change.registrationId === registrationId);

    const phoneSocket = await asPhone(phone);
    expect(await heartbeat(phoneSocket)).toEqual({ ok: true });
    await realtimeOf(test.app).settled();
    pc.clear();
    proctor.clear();

    test.clock.advance(PHONE_LOST_AFTER_MS);
    realtimeOf(test.app).sweepPhones();
    await realtimeOf(test.app).settled();
    expect(pc.received('phone:status')).toEqual([]);

    test.clock.advance(1);
    realtimeOf(test.app).sweepPhones();
    const isLost = (s: { registrationId: string; state: string }) =>
      s.registrationId === registrationId && s.state === 'lost';
    const [lost] = await pc.next('phone:status', isLost);
    await proctor.next('phone:status', isLost);
    expect(lost.publisherSocketId).toBeNull();
    // One sweep announces it once.
    realtimeOf(test.app).sweepPhones();
    await realtimeOf(test.app).settled();
    expect(pc.received('phone:status').filter(([s]) => isLost(s))).toHaveLength(1);

    pc.clear();
    proctor.clear();
    expect(await heartbeat(phoneSocket)).toEqual({ ok: true });
    const [live] = await pc.next('phone:status', isLive);
    expect(live.lastSeenAt).toBe(test.clock.now().toISOString());
    await proctor.next('phone:status', isLive);
  });

  it('gives a reconnecting PC the current phone status before anything else', async () => {
    const pc = await asUser(zhang);
    await pc.next('phone:status', (s) => s.registrationId === registrationId);
    pc.close();
    test.clock.advance(PHONE_LOST_AFTER_MS + 1);
    const again = await asUser(zhang);
    const [status] = await again.next('phone:status', (s) => s.registrationId === registrationId);
    expect(status.state).toBe('lost');
    expect(again.names()[0]).toBe('phone:status');
  });

  it("replaces the old phone on re-pairing: 'phone:replaced', disconnected, refused after", async () => {
    const oldPhone = await claimedPhone(test, await newPairingToken(zhang, registrationId));
    const oldSocket = await asPhone(oldPhone);
    const disconnected = new Promise<string>((resolve) => {
      oldSocket.socket.once('disconnect', resolve);
    });
    await claimedPhone(test, await newPairingToken(zhang, registrationId));
    await oldSocket.next('phone:replaced');
    expect(await disconnected).toBe('io server disconnect');
    const retry = open({ cookie: cookieHeaderOf(oldPhone), auth: { client: 'phone' } });
    await expect(retry.connect()).rejects.toThrow('PHONE_NOT_PAIRED');
  });

  it('refuses heartbeats from a logged-in user socket', async () => {
    const pc = await asUser(zhang);
    expect(await heartbeat(pc)).toEqual({ ok: false, code: 'FORBIDDEN' });
  });
});
