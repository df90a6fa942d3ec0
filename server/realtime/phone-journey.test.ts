import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhoneSession } from '../../shared/api/phone.js';
import { PHONE_HEARTBEAT_MS } from '../../shared/enums.js';
import type { Ack } from '../../shared/events.js';
import {
  checkInUrl,
  deviceReport,
  readCheckIn,
  sessionIdNamed,
} from '../check-in/check-in-test-helpers.js';
import { INTERVIEW_RULES } from '../demo/demo-data.js';
import { exam } from '../db/schema/index.js';
import {
  INTERVIEW_SESSION,
  command,
  confirmedCandidate,
  enter,
  waitingRoomUrl,
} from '../interviews/interview-test-helpers.js';
import { claimedPhone, newPairingToken } from '../phone/phone-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { realtimeOf } from './socket-server.js';
import { cookieHeaderOf, listen, RecordingSocket } from './socket-test-helpers.js';

// The phone as the candidate lives it, over real sockets: it beats from the moment it is paired,
// stays live for the PC through the check-in, the 候考区 and the interview, and is told when the
// exam is over for its candidate (docs/events.md).

describe('The phone camera through the interview, over real sockets', () => {
  let test: TestApp;
  let url: string;
  let sessionId: string;
  let zhang: TestClient;
  let zhangId: string;
  let phoneClient: TestClient;
  let pc: RecordingSocket;
  let phone: RecordingSocket;
  const opened: RecordingSocket[] = [];

  const connect = async (client: TestClient, as: 'user' | 'phone') => {
    const socket = new RecordingSocket(url, {
      cookie: cookieHeaderOf(client),
      auth: { client: as },
    });
    opened.push(socket);
    await socket.connect();
    await realtimeOf(test.app).settled();
    return socket;
  };
  const heartbeat = (socket: RecordingSocket) =>
    new Promise<Ack>((resolve) => {
      socket.socket.emit('phone:heartbeat', resolve);
    });
  /** The phone beats for `ms` of server time, with the lost-phone sweep after every beat. */
  const beatFor = async (socket: RecordingSocket, ms: number) => {
    for (let elapsed = 0; elapsed < ms; elapsed += PHONE_HEARTBEAT_MS) {
      test.clock.advance(PHONE_HEARTBEAT_MS);
      expect(await heartbeat(socket)).toEqual({ ok: true });
      realtimeOf(test.app).sweepPhones();
      await realtimeOf(test.app).settled();
    }
  };
  const statesSeenBy = (socket: RecordingSocket, registrationId: string) =>
    socket
      .received('phone:status')
      .filter(([status]) => status.registrationId === registrationId)
      .map(([status]) => status.state);
  const phoneSession = async (client: TestClient) =>
    (await client.get('/api/phone/session')).json<PhoneSession>();

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    // The phone goes straight to 进入考试监控: no verification photo in this journey.
    await test.database.db
      .update(exam)
      .set({ rules: { ...INTERVIEW_RULES, faceCheckRequired: false } })
      .where(eq(exam.code, 'INT2026'));
    url = await listen(test);
    sessionId = await sessionIdNamed(test, INTERVIEW_SESSION);
    ({ client: zhang, registrationId: zhangId } = await confirmedCandidate(test, 'INT2026001'));
    expect((await zhang.put(checkInUrl(zhangId, 'device'), deviceReport())).statusCode).toBe(200);
    expect((await zhang.post(checkInUrl(zhangId, 'pledge'), { agree: true })).statusCode).toBe(200);
    pc = await connect(zhang, 'user');
  });
  afterAll(async () => {
    for (const socket of opened) socket.close();
    await test.close();
  });

  it('is live for the PC from the scan on, while the candidate confirms on the phone, and once it films', async () => {
    phoneClient = await claimedPhone(test, await newPairingToken(zhang, zhangId));
    phone = await connect(phoneClient, 'phone');
    // 信息确认 on the phone takes a while: longer than the 10 s after which a silent phone is lost.
    await beatFor(phone, 12_000);
    expect(statesSeenBy(pc, zhangId)).not.toContain('lost');
    expect((await readCheckIn(zhang, zhangId)).steps.phone.connection).toBe('live');

    expect((await phoneClient.post('/api/phone/start')).statusCode).toBe(200);
    const [filming] = await pc.next(
      'phone:status',
      (status) => status.registrationId === zhangId && status.publisherSocketId === phone.id,
    );
    expect(filming.state).toBe('live');
    await beatFor(phone, 12_000);
    expect(statesSeenBy(pc, zhangId)).not.toContain('lost');
  });

  it('is live and filming for a PC page that connects later (进入考试 → 候考区, a reload)', async () => {
    await enter(zhang, zhangId);
    const reloaded = await connect(zhang, 'user');
    const [first] = await reloaded.next('phone:status', (s) => s.registrationId === zhangId);
    expect(first).toMatchObject({ state: 'live', publisherSocketId: phone.id });
    expect((await readCheckIn(zhang, zhangId)).steps.phone.connection).toBe('live');
    reloaded.close();
  });

  it('tells the phone, and only the phone, that the exam is over once the interview ends', async () => {
    const waiting1 = await loginStaff(test, 'waiting1');
    const panel1 = await loginStaff(test, 'panel1');
    expect((await command(waiting1, sessionId, zhangId, 'call')).status).toBe(200);
    await beatFor(phone, 6_000);
    const ready = { readiness: 'ready' };
    expect((await command(waiting1, sessionId, zhangId, 'readiness', ready)).status).toBe(200);
    expect((await command(waiting1, sessionId, zhangId, 'end-call')).status).toBe(200);
    expect((await command(panel1, sessionId, zhangId, 'invite')).status).toBe(200);
    expect((await zhang.post(waitingRoomUrl(zhangId, 'accept'))).statusCode).toBe(200);
    await beatFor(phone, 12_000);
    await realtimeOf(test.app).settled();
    expect(phone.received('monitoring:ended')).toEqual([]);
    expect(statesSeenBy(pc, zhangId)).not.toContain('lost');

    expect((await command(panel1, sessionId, zhangId, 'end-interview')).status).toBe(200);
    const [ended] = await phone.next('monitoring:ended');
    expect(ended).toEqual({ registrationId: zhangId, reason: 'interview_done' });
    expect(pc.received('monitoring:ended')).toEqual([]);
    expect((await phoneSession(phoneClient)).examEnd).toBe('interview_done');
  });

  it('says so again to a phone that reconnects after the end, and no longer starts its camera', async () => {
    phone.close();
    const again = await connect(phoneClient, 'phone');
    await again.next('monitoring:ended');
    expect(again.names().filter((name) => name !== 'media:available')).toEqual([
      'phone:status',
      'monitoring:ended',
    ]);
    const started = await phoneClient.post('/api/phone/start');
    expect(started.statusCode).toBe(409);
    expect(started.json<{ error: { code: string } }>().error.code).toBe('CHECK_IN_CLOSED');
  });

  // Last: it moves the clock past the session's end.
  it("tells a phone still filming at the session's end, at its next heartbeat", async () => {
    const li = await confirmedCandidate(test, 'INT2026002');
    const liPhoneClient = await claimedPhone(
      test,
      await newPairingToken(li.client, li.registrationId),
    );
    const liPhone = await connect(liPhoneClient, 'phone');
    await beatFor(liPhone, 6_000);
    expect(liPhone.received('monitoring:ended')).toEqual([]);
    expect((await phoneSession(liPhoneClient)).examEnd).toBeNull();

    test.clock.advance(9 * 3600_000);
    await beatFor(liPhone, PHONE_HEARTBEAT_MS);
    const [ended] = await liPhone.next('monitoring:ended');
    expect(ended).toEqual({ registrationId: li.registrationId, reason: 'session_ended' });
    expect((await phoneSession(liPhoneClient)).examEnd).toBe('session_ended');
  });
});
