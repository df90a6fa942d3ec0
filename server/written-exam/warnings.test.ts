import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptProgress } from '../../shared/api/attempt-progress.js';
import type { AttemptView, AttemptWarning, MyAttempt } from '../../shared/api/written-exam.js';
import { auditLog } from '../db/schema/index.js';
import { connectClient, listen, type RecordingSocket } from '../realtime/socket-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  setWrittenRules,
  writtenExam,
} from './written-test-helpers.js';

// 发送提醒 (issue 15 §2, seed 004 rule 7): the demo's proctor of WRT2026 (proctor1) sends a
// candidate a reminder; their page is told, lists it until they confirm it, and both are audited.

const MINUTE = 60_000;

describe('发送提醒 (proctor warnings)', () => {
  let test: TestApp;
  let startsAt: Date;
  let sessionId: string;
  let li: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let wang: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let liSocket: RecordingSocket;
  let proctor: TestClient;
  const opened: RecordingSocket[] = [];

  const warn = (client: TestClient, registrationId: string, body: unknown) =>
    client.post(`/api/registrations/${registrationId}/attempt/warnings`, body);
  const confirm = (client: TestClient, registrationId: string, warningId: string) =>
    client.post(`/api/me/registrations/${registrationId}/attempt/warnings/${warningId}/confirm`);
  const refusal = (response: { statusCode: number; json: () => unknown }) => ({
    status: response.statusCode,
    code: (response.json() as { error?: { code: string } }).error?.code,
  });
  const liWarnings = async (): Promise<AttemptWarning[] | undefined> =>
    (await li.client.get(`/api/me/registrations/${li.registrationId}/attempt`)).json<MyAttempt>()
      .attempt?.warnings;
  const liRow = async () =>
    (await proctor.get(`/api/sessions/${sessionId}/attempts`))
      .json<{ items: AttemptProgress[] }>()
      .items.find((item) => item.registrationId === li.registrationId);
  const audits = (action: 'attempt.warning_sent' | 'attempt.warning_confirmed') =>
    test.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, li.registrationId)));

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    const url = await listen(test);
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    ({ startsAt, sessionId } = await writtenExam(test.database.db));
    await seedWrittenPaper(test.database.db);
    test.clock.set(new Date(startsAt.getTime() + 5 * MINUTE));
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
    wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    for (const candidate of [li, wang]) {
      const started = await candidate.client.post(
        `/api/me/registrations/${candidate.registrationId}/attempt/start`,
      );
      expect(started.json<AttemptView>().state).toBe('in_progress');
    }
    liSocket = await connectClient(test, url, li.client, opened);
    proctor = await loginStaff(test, 'proctor1');
  });
  afterAll(async () => {
    for (const socket of opened.splice(0)) socket.close();
    await test.close();
  });

  it('refuses staff who do not proctor the session, as 强制交卷 does, and blank or short text', async () => {
    const body = { text: '请坐正，不要左顾右盼' };
    expect(refusal(await warn(await loginStaff(test, 'panel1'), li.registrationId, body))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(
      refusal(await warn(await loginStaff(test, 'fl_admin'), li.registrationId, body)),
    ).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(refusal(await warn(li.client, li.registrationId, body))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    for (const bad of [{}, { text: '  a  ' }, { text: 'x'.repeat(301) }]) {
      expect(refusal(await warn(proctor, li.registrationId, bad))).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await liWarnings()).toEqual([]);
    expect(await liRow()).toMatchObject({ warningsSent: 0, warningsUnconfirmed: 0 });
  });

  it('shows the candidate each reminder until they confirm it, tells the page, counts for staff', async () => {
    const sentAt = new Date(startsAt.getTime() + 6 * MINUTE).toISOString();
    test.clock.set(new Date(sentAt));
    const sent = await warn(proctor, li.registrationId, { text: '  请坐正，不要左顾右盼  ' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json<AttemptProgress>()).toMatchObject({ warningsSent: 1, warningsUnconfirmed: 1 });
    await liSocket.next('attempt:changed');
    expect(liSocket.received('attempt:changed')).toEqual([[{ registrationId: li.registrationId }]]);
    test.clock.set(new Date(startsAt.getTime() + 7 * MINUTE));
    expect((await warn(proctor, li.registrationId, { text: '请勿交谈' })).statusCode).toBe(200);
    const listed = await liWarnings();
    // Oldest first, the text trimmed, and never who sent it.
    expect(listed).toEqual([
      { id: expect.any(String), text: '请坐正，不要左顾右盼', sentAt },
      { id: expect.any(String), text: '请勿交谈', sentAt: expect.any(String) },
    ]);
    const [first, second] = listed ?? [];
    if (!first || !second) throw new Error('two warnings expected');
    expect(await liRow()).toMatchObject({ warningsSent: 2, warningsUnconfirmed: 2 });

    // Another candidate cannot confirm it, not even through their own registration.
    expect(refusal(await confirm(wang.client, li.registrationId, first.id))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(refusal(await confirm(wang.client, wang.registrationId, first.id))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await liWarnings()).toHaveLength(2);

    const confirmed = await confirm(li.client, li.registrationId, first.id);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<{ warnings: AttemptWarning[] }>().warnings).toEqual([second]);
    // Twice is fine, and changes nothing.
    expect((await confirm(li.client, li.registrationId, first.id)).statusCode).toBe(200);
    expect(await liWarnings()).toEqual([second]);
    expect(await liRow()).toMatchObject({ warningsSent: 2, warningsUnconfirmed: 1 });

    const idOf = async (client: TestClient) =>
      (await client.get('/api/auth/me')).json<{ user: { id: string } }>().user.id;
    const proctorId = await idOf(proctor);
    const sentAudits = await audits('attempt.warning_sent');
    expect(sentAudits.map((entry) => [entry.actorId, entry.detail])).toEqual([
      [proctorId, 'WRT2026001: 请坐正，不要左顾右盼'],
      [proctorId, 'WRT2026001: 请勿交谈'],
    ]);
    const confirmedAudits = await audits('attempt.warning_confirmed');
    expect(confirmedAudits.map((entry) => [entry.actorId, entry.detail])).toEqual([
      [await idOf(li.client), 'WRT2026001: 请坐正，不要左顾右盼'],
    ]);
  });

  it('sends nothing once the paper is in', async () => {
    test.clock.set(new Date(startsAt.getTime() + 31 * MINUTE));
    const submitted = await li.client.post(
      `/api/me/registrations/${li.registrationId}/attempt/submit`,
    );
    expect(submitted.statusCode).toBe(200);
    expect(refusal(await warn(proctor, li.registrationId, { text: '请保持安静' }))).toEqual({
      status: 409,
      code: 'ATTEMPT_CLOSED',
    });
    expect(await liRow()).toMatchObject({ state: 'submitted', warningsSent: 2 });
  });
});
