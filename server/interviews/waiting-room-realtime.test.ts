import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXAMINER_LEFT_GRACE_MS } from '../../shared/api/interviews.js';
import type { Ack } from '../../shared/events.js';
import { sessionIdNamed } from '../check-in/check-in-test-helpers.js';
import { realtimeOf } from '../realtime/socket-server.js';
import { connectClient, listen, type RecordingSocket } from '../realtime/socket-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { INTERVIEW_SESSION, checkedInCandidate, command, enter } from './interview-test-helpers.js';

describe('Waiting room over sockets', () => {
  let test: TestApp;
  let url: string;
  let sessionId: string;
  let zhang: TestClient;
  let zhangId: string;
  let li: TestClient;
  let liId: string;
  let waiting1: TestClient;
  let panel1: TestClient;
  const opened: RecordingSocket[] = [];

  const connect = (client: TestClient) => connectClient(test, url, client, opened);
  const watch = (socket: RecordingSocket) =>
    new Promise<Ack>((resolve) => {
      socket.socket.emit('session:watch', { sessionId }, resolve);
    });
  const ticketOf = (registrationId: string) => (payload: { registrationId: string }) =>
    payload.registrationId === registrationId;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    url = await listen(test);
    sessionId = await sessionIdNamed(test, INTERVIEW_SESSION);
    ({ client: zhang, registrationId: zhangId } = await checkedInCandidate(test, 'INT2026001'));
    ({ client: li, registrationId: liId } = await checkedInCandidate(test, 'INT2026002'));
    waiting1 = await loginStaff(test, 'waiting1');
    panel1 = await loginStaff(test, 'panel1');
  });
  afterEach(async () => {
    for (const socket of opened.splice(0)) socket.close();
    // Let the server see the disconnects and forget any examiner gone meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 50));
    test.clock.advance(EXAMINER_LEFT_GRACE_MS + 1);
    await realtimeOf(test.app).sweepExaminers();
  });
  afterAll(() => test.close());

  it("tells the candidate's PC and the watching staff when a candidate enters and is called", async () => {
    const pc = await connect(zhang);
    const staff = await connect(panel1);
    expect(await watch(staff)).toEqual({ ok: true });
    await enter(zhang, zhangId);
    const [entered] = await pc.next('ticket:changed', ticketOf(zhangId));
    expect(entered.ticket).toMatchObject({ state: 'waiting', waitingExaminer: 'offline' });
    await staff.next('queue:changed', (change) => change.ticket.registrationId === zhangId);

    const examiner = await connect(waiting1);
    const [online] = await pc.next(
      'ticket:changed',
      (change) => change.ticket.waitingExaminer === 'available',
    );
    expect(online.ticket.state).toBe('waiting');

    expect((await command(waiting1, sessionId, zhangId, 'call')).status).toBe(200);
    const [called] = await pc.next('ticket:changed', (change) => change.ticket.state === 'called');
    expect(called.ticket).toMatchObject({
      calledByName: '候考官 陈老师',
      waitingExaminer: 'available',
    });
    expect(called.ticket).not.toHaveProperty('calledBy');
    const [queued] = await staff.next(
      'queue:changed',
      (change) => change.ticket.state === 'called',
    );
    expect(queued.ticket.calledBy).toBeTruthy();
    expect((await command(waiting1, sessionId, zhangId, 'end-call')).status).toBe(200);
    examiner.close();
  });

  it('tells other waiting candidates the examiner is busy, then available again', async () => {
    await enter(li, liId);
    const examiner = await connect(waiting1);
    const liPc = await connect(li);
    await liPc.next('phone:status');
    expect(liPc.names()[0]).toBe('ticket:changed');
    expect(liPc.received('ticket:changed')[0]?.[0].ticket.waitingExaminer).toBe('available');
    liPc.clear();
    expect((await command(waiting1, sessionId, zhangId, 'call')).status).toBe(200);
    const [busy] = await liPc.next('ticket:changed', ticketOf(liId));
    expect(busy.ticket).toMatchObject({ state: 'waiting', waitingExaminer: 'busy' });
    expect((await command(waiting1, sessionId, zhangId, 'end-call')).status).toBe(200);
    await liPc.next('ticket:changed', (change) => change.ticket.waitingExaminer === 'available');
    examiner.close();
  });

  it('sends a reconnecting candidate the current ticket first, then the phone status', async () => {
    const examiner = await connect(waiting1);
    expect((await command(waiting1, sessionId, zhangId, 'call')).status).toBe(200);
    const pc = await connect(zhang);
    await pc.next('phone:status');
    expect(pc.names().slice(0, 2)).toEqual(['ticket:changed', 'phone:status']);
    expect(pc.received('ticket:changed')[0]?.[0].ticket.state).toBe('called');
    pc.close();
    const again = await connect(zhang);
    await again.next('phone:status');
    expect(again.names()[0]).toBe('ticket:changed');
    expect(again.received('ticket:changed')[0]?.[0].ticket.state).toBe('called');
    // Staff (re)watching the session get every ticket before the ack.
    const staff = await connect(panel1);
    expect(await watch(staff)).toEqual({ ok: true });
    await staff.next('queue:changed');
    const queued = staff.received('queue:changed').map(([change]) => change.ticket);
    expect(queued.find((ticket) => ticket.registrationId === zhangId)?.state).toBe('called');
    expect((await command(waiting1, sessionId, zhangId, 'end-call')).status).toBe(200);
    examiner.close();
  });

  it('returns the candidate to waiting with examiner_left once the examiner is gone past the grace period', async () => {
    const examiner = await connect(waiting1);
    const pc = await connect(zhang);
    expect((await command(waiting1, sessionId, zhangId, 'call')).status).toBe(200);
    await pc.next('ticket:changed', (change) => change.ticket.state === 'called');
    pc.clear();

    examiner.close();
    // The examiner's last socket is gone: the candidate in the call is not moved yet.
    await waitFor(async () => {
      await realtimeOf(test.app).sweepExaminers();
      return !(await isOnline());
    });
    test.clock.advance(EXAMINER_LEFT_GRACE_MS);
    await realtimeOf(test.app).sweepExaminers();
    expect(pc.received('ticket:changed').some(([change]) => change.ticket.state !== 'called')).toBe(
      false,
    );

    test.clock.advance(1);
    await realtimeOf(test.app).sweepExaminers();
    const [back] = await pc.next('ticket:changed', (change) => change.ticket.state === 'waiting');
    expect(back.ticket).toMatchObject({
      returnReason: 'examiner_left',
      returnedAt: test.clock.now().toISOString(),
      waitingExaminer: 'offline',
    });
  });

  it('keeps the call when the examiner reloads within the grace period', async () => {
    const examiner = await connect(waiting1);
    expect((await command(waiting1, sessionId, liId, 'call')).status).toBe(200);
    examiner.close();
    await waitFor(async () => !(await isOnline()));
    test.clock.advance(EXAMINER_LEFT_GRACE_MS - 1000);
    await connect(waiting1);
    test.clock.advance(EXAMINER_LEFT_GRACE_MS * 2);
    await realtimeOf(test.app).sweepExaminers();
    const queue = await waiting1.get(`/api/sessions/${sessionId}/waiting-room`);
    expect(queue.json<{ myCall: string | null }>().myCall).toBe(liId);
    expect((await command(waiting1, sessionId, liId, 'end-call')).status).toBe(200);
  });

  it('tells staff whose PC is online: the full list on watch, then the first socket and the last', async () => {
    const staff = await connect(panel1);
    expect(await watch(staff)).toEqual({ ok: true });
    const [initial] = await staff.next('session:presence');
    expect(initial.online).not.toContain(zhangId);

    const first = await connect(zhang);
    const [online] = await staff.next('candidate:presence', (change) => change.online);
    expect(online).toEqual({ sessionId, registrationId: zhangId, online: true });
    const second = await connect(zhang); // a second tab: no news
    first.close();
    second.close();
    const [offline] = await staff.next('candidate:presence', (change) => !change.online);
    expect(offline.registrationId).toBe(zhangId);
    expect(
      staff.received('candidate:presence').filter(([change]) => change.registrationId === zhangId),
    ).toHaveLength(2);
  });

  /** Whether the waiting room shows its examiner online, as 李四 sees it. */
  async function isOnline(): Promise<boolean> {
    const response = await li.get(`/api/me/registrations/${liId}/waiting-room`);
    const ticket = response.json<{ ticket: { waitingExaminer: string } | null }>().ticket;
    return ticket !== null && ticket.waitingExaminer !== 'offline';
  }
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
