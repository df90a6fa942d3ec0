import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptProgress } from '../../shared/api/attempt-progress.js';
import type { AttemptView, MyAttempt } from '../../shared/api/written-exam.js';
import { attempt, auditLog } from '../db/schema/index.js';
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

// 强制交卷 (issue 15 §2): the demo's proctor of WRT2026 (proctor1) ends one candidate's attempt
// with a reason; it is submitted like every other submit, scored, audited, and the page is told.

const MINUTE = 60_000;

describe('强制交卷 (force submit)', () => {
  let test: TestApp;
  let startsAt: Date;
  let sessionId: string;
  let li: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let liSocket: RecordingSocket;
  let proctor: TestClient;
  let questionIds: string[];
  const opened: RecordingSocket[] = [];

  const force = (client: TestClient, registrationId: string, body: unknown) =>
    client.post(`/api/registrations/${registrationId}/attempt/force-submit`, body);
  const refusal = (response: { statusCode: number; json: () => unknown }) => ({
    status: response.statusCode,
    code: (response.json() as { error?: { code: string } }).error?.code,
  });
  const save = (optionId: string, seq: number) =>
    li.client.put(
      `/api/me/registrations/${li.registrationId}/attempt/answers/${questionIds[0] ?? ''}`,
      { answer: { type: 'single_choice', optionId }, seq },
    );

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    const url = await listen(test);
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    ({ startsAt, sessionId } = await writtenExam(test.database.db));
    ({ ids: questionIds } = await seedWrittenPaper(test.database.db));
    test.clock.set(new Date(startsAt.getTime() + 5 * MINUTE));
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
    const started = await li.client.post(
      `/api/me/registrations/${li.registrationId}/attempt/start`,
    );
    expect(started.json<AttemptView>().state).toBe('in_progress');
    liSocket = await connectClient(test, url, li.client, opened);
    proctor = await loginStaff(test, 'proctor1');
  });
  afterAll(async () => {
    for (const socket of opened.splice(0)) socket.close();
    await test.close();
  });

  it('is offered to the proctor of the session, and refused to staff who do not proctor it', async () => {
    const seen = await proctor.get(`/api/sessions/${sessionId}/attempts`);
    expect(seen.json<{ canForceSubmit: boolean }>().canForceSubmit).toBe(true);
    const body = { reason: '多次离开考试页面' };
    // An examiner of the interview only; a college admin of another college.
    expect(refusal(await force(await loginStaff(test, 'panel1'), li.registrationId, body))).toEqual(
      { status: 403, code: 'FORBIDDEN' },
    );
    expect(
      refusal(await force(await loginStaff(test, 'fl_admin'), li.registrationId, body)),
    ).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(refusal(await force(li.client, li.registrationId, body))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
  });

  it('wants a reason of two characters at least', async () => {
    for (const body of [{}, { reason: '  a  ' }, { reason: 'x'.repeat(501) }]) {
      expect(refusal(await force(proctor, li.registrationId, body))).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const mine = await li.client.get(`/api/me/registrations/${li.registrationId}/attempt`);
    expect(mine.json<MyAttempt>().attempt?.state).toBe('in_progress');
  });

  it("submits the candidate's saved answers as forced, scored, audited, and tells the page", async () => {
    expect((await save('B', 1)).statusCode).toBe(200);
    test.clock.set(new Date(startsAt.getTime() + 12 * MINUTE));
    const forced = await force(proctor, li.registrationId, { reason: '  多次离开考试页面  ' });
    expect(forced.statusCode).toBe(200);
    const at = new Date(startsAt.getTime() + 12 * MINUTE).toISOString();
    expect(forced.json<AttemptProgress>()).toMatchObject({
      state: 'submitted',
      submitReason: 'forced',
      submittedAt: at,
      answeredCount: 1,
    });
    // The single choice is right (2 points); the others were never answered.
    const [row] = await test.database.db
      .select({ points: attempt.objectivePoints })
      .from(attempt)
      .where(eq(attempt.registrationId, li.registrationId));
    expect(row?.points).toBe(2);
    await liSocket.next('attempt:changed');
    expect(liSocket.received('attempt:changed')).toEqual([[{ registrationId: li.registrationId }]]);
    const mine = await li.client.get(`/api/me/registrations/${li.registrationId}/attempt`);
    expect(mine.json<MyAttempt>().attempt).toMatchObject({
      state: 'submitted',
      submitReason: 'forced',
      submittedAt: at,
    });
    const audits = await test.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetId, li.registrationId),
          eq(auditLog.action, 'attempt.force_submitted'),
        ),
      );
    expect(audits).toEqual([expect.objectContaining({ detail: 'WRT2026001: 多次离开考试页面' })]);
    const proctorId = (await proctor.get('/api/auth/me')).json<{ user: { id: string } }>().user.id;
    expect(audits[0]?.actorId).toBe(proctorId);
  });

  it('takes no later answer, and says the paper is in when forced again', async () => {
    expect(refusal(await save('A', 2))).toEqual({ status: 409, code: 'ATTEMPT_CLOSED' });
    expect(refusal(await force(proctor, li.registrationId, { reason: '再次强制交卷' }))).toEqual({
      status: 409,
      code: 'ATTEMPT_ALREADY_SUBMITTED',
    });
    const list = await proctor.get(`/api/sessions/${sessionId}/attempts`);
    const item = list
      .json<{ items: AttemptProgress[] }>()
      .items.find((entry) => entry.registrationId === li.registrationId);
    expect(item).toMatchObject({ state: 'submitted', submitReason: 'forced' });
  });
});
