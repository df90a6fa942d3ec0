import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptProgress } from '../../shared/api/attempt-progress.js';
import { AuditLog } from '../audit/audit-log.js';
import { attempt, auditLog } from '../db/schema/index.js';
import { realtimeOf } from '../realtime/socket-server.js';
import { connectClient, listen, type RecordingSocket } from '../realtime/socket-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { CheckInRepo } from '../check-in/repo.js';
import { OutageRepo } from './outage-repo.js';
import { OutageService } from './outage-service.js';
import { writtenExamServices } from './routes.js';
import { checkedInWrittenCandidate, setWrittenRules, writtenExam } from './written-test-helpers.js';

// Outage protection (issue 14 §3) with real sockets: the server sees the candidate's PC go, opens
// an outage past the threshold, and gives the lost time back once, when they are back.

const MINUTE = 60_000;

describe('outage compensation', () => {
  let test: TestApp;
  let url: string;
  let startsAt: Date;
  let endsAt: Date;
  let sessionId: string;
  let admin: TestClient;
  const opened: RecordingSocket[] = [];
  let li: Awaited<ReturnType<typeof started>>;
  let wang: Awaited<ReturnType<typeof started>>;
  let liSocket: RecordingSocket;
  let wangSocket: RecordingSocket;

  const at = (minutes: number, seconds = 0) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE + seconds * 1000));
  };
  /**
   * What a live node does every few seconds, at the test clock's now: each open socket is heard
   * (a ping), the node writes what it heard, then another node's deadline sweep runs over the
   * same database (the app's own runs on no timer in tests).
   */
  const sweep = async () => {
    for (const socket of opened) {
      if (!socket.socket.connected) continue;
      await new Promise((resolve) => {
        socket.socket.emit('phone:heartbeat', resolve);
      });
    }
    await realtimeOf(test.app).recordPcAttendance();
    return writtenExamServices({
      db: test.database.db,
      clock: test.clock,
      audit: new AuditLog(test.database.db, test.clock),
    }).sweep.runOnce();
  };
  const attemptOf = async (registrationId: string) => {
    const [row] = await test.database.db
      .select()
      .from(attempt)
      .where(eq(attempt.registrationId, registrationId));
    if (!row) throw new Error('no attempt');
    return row;
  };
  const progressOf = async (registrationId: string) => {
    const response = await admin.get(`/api/sessions/${sessionId}/attempts`);
    const { items } = response.json<{ items: AttemptProgress[] }>();
    return items.find((item) => item.registrationId === registrationId);
  };
  const started = async (admissionNumber: string) => {
    const candidate = await checkedInWrittenCandidate(test, admissionNumber);
    const response = await candidate.client.post(
      `/api/me/registrations/${candidate.registrationId}/attempt/start`,
    );
    expect(response.statusCode).toBe(200);
    return candidate;
  };
  const closeSocket = async (socket: RecordingSocket) => {
    const { id } = socket;
    socket.close();
    // The server hears the close a moment later.
    for (let i = 0; i < 100 && realtimeOf(test.app).io.sockets.sockets.has(id); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await realtimeOf(test.app).settled();
  };
  const compensations = (registrationId: string) =>
    test.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetId, registrationId),
          eq(auditLog.action, 'attempt.outage_compensated'),
        ),
      );

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    url = await listen(test);
    await setWrittenRules(test, {
      faceCheckAtSubmit: false,
      // Away is not idle here: inactivity would submit before the outages end.
      inactivitySubmitMinutes: null,
      outageCompensationMaxMinutes: 10,
      outageThresholdSeconds: 60,
    });
    ({ startsAt, endsAt, sessionId } = await writtenExam(test.database.db));
    admin = await loginStaff(test, 'admin');
  });
  afterAll(async () => {
    for (const socket of opened.splice(0)) socket.close();
    await test.close();
  });

  it('records an outage past the threshold and gives the lost time back when the PC returns', async () => {
    at(2);
    li = await started('WRT2026001');
    const before = await attemptOf(li.registrationId);
    const socket = await connectClient(test, url, li.client, opened);
    at(5);
    await sweep();
    expect((await progressOf(li.registrationId))?.connection).toBe('online');

    await closeSocket(socket);
    at(6);
    await sweep();
    expect((await progressOf(li.registrationId))?.outages).toEqual([]);
    at(6, 1);
    await sweep();
    const away = await progressOf(li.registrationId);
    expect(away).toMatchObject({ connection: 'away', compensationMinutes: 0 });
    expect(away?.outages).toEqual([
      expect.objectContaining({ endedAt: null, outcome: null, compensationMinutes: 0 }),
    ]);

    // Back 3.5 minutes after the page closed: 4 minutes come back, and the page is told.
    at(8, 30);
    const back = await connectClient(test, url, li.client, opened);
    const after = await attemptOf(li.registrationId);
    expect(after.compensationMinutes).toBe(4);
    expect(after.deadlineAt.getTime() - before.deadlineAt.getTime()).toBe(4 * MINUTE);
    expect(back.received('attempt:changed')).toEqual([[{ registrationId: li.registrationId }]]);
    const mine = await li.client.get(`/api/me/registrations/${li.registrationId}/attempt`);
    expect(mine.json<{ attempt: { deadline: string } }>().attempt.deadline).toBe(
      after.deadlineAt.toISOString(),
    );
    expect(await progressOf(li.registrationId)).toMatchObject({
      connection: 'online',
      compensationMinutes: 4,
      outages: [{ lostSeconds: 210, compensationMinutes: 4, outcome: 'compensated' }],
    });
    expect(await compensations(li.registrationId)).toHaveLength(1);

    // A restart: every socket reconnects to a fresh node, and each node sweeps; nothing twice.
    await closeSocket(back);
    liSocket = await connectClient(test, url, li.client, opened);
    await sweep();
    expect((await attemptOf(li.registrationId)).compensationMinutes).toBe(4);
    expect(await compensations(li.registrationId)).toHaveLength(1);
  });

  it('counts a gap shorter than the threshold as no outage', async () => {
    at(10);
    wang = await started('WRT2026002');
    const socket = await connectClient(test, url, wang.client, opened);
    await closeSocket(socket);
    at(10, 59);
    await sweep();
    wangSocket = await connectClient(test, url, wang.client, opened);
    expect(await progressOf(wang.registrationId)).toMatchObject({
      compensationMinutes: 0,
      outages: [],
    });
  });

  it('gives back no more than the cap over several outages', async () => {
    // 李四 got 4 of the 10 minutes back already: 7 lost give 6, the next give none.
    let socket = liSocket;
    for (const [leaveAt, backAt] of [
      [21, 28],
      [30, 33],
    ] as const) {
      at(leaveAt);
      await closeSocket(socket);
      at(leaveAt + 2);
      await sweep();
      at(backAt, 0);
      socket = await connectClient(test, url, li.client, opened);
    }
    liSocket = socket;
    const row = await attemptOf(li.registrationId);
    expect(row.compensationMinutes).toBe(10);
    expect(row.deadlineAt.getTime()).toBeLessThanOrEqual(endsAt.getTime());
    expect((await progressOf(li.registrationId))?.outages).toMatchObject([
      { compensationMinutes: 4, outcome: 'compensated' },
      { compensationMinutes: 6, outcome: 'compensated' },
      { lostSeconds: 180, compensationMinutes: 0, outcome: 'cap_reached' },
    ]);
    expect(await compensations(li.registrationId)).toHaveLength(2);
  });

  it('closes an open outage once when two nodes see the candidate back at the same moment', async () => {
    at(40);
    await closeSocket(liSocket);
    at(42);
    await sweep();
    const node = () =>
      new OutageService(new OutageRepo(test.database.db), new CheckInRepo(test.database.db), {
        clock: test.clock,
        audit: new AuditLog(test.database.db, test.clock),
      });
    at(45);
    const back = [{ registrationId: li.registrationId, at: test.clock.now() }];
    await Promise.all([node().seen(back), node().seen(back)]);
    const outages = (await progressOf(li.registrationId))?.outages ?? [];
    expect(outages).toHaveLength(4);
    expect(outages.at(-1)).toMatchObject({ lostSeconds: 300, outcome: 'cap_reached' });
    expect(outages.every((outage) => outage.endedAt !== null)).toBe(true);
  });

  it('submits a candidate away at the deadline at the deadline; coming back gives nothing', async () => {
    const sun = wang;
    const socket = wangSocket;
    const { deadlineAt } = await attemptOf(sun.registrationId);
    const minutesToDeadline = (deadlineAt.getTime() - startsAt.getTime()) / MINUTE;
    at(minutesToDeadline - 5);
    await closeSocket(socket);
    at(minutesToDeadline - 3);
    await sweep();
    // Past the deadline and its grace: the sweep submits, and the outage ends with it.
    at(minutesToDeadline + 1);
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    const submitted = await attemptOf(sun.registrationId);
    expect(submitted).toMatchObject({ state: 'submitted', submitReason: 'deadline' });
    expect(submitted.submittedAt).toEqual(deadlineAt);
    await connectClient(test, url, sun.client, opened);
    expect((await attemptOf(sun.registrationId)).compensationMinutes).toBe(0);
    expect((await progressOf(sun.registrationId))?.outages).toMatchObject([
      { endedAt: deadlineAt.toISOString(), compensationMinutes: 0, outcome: 'closed' },
    ]);
  });
});
