import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_EVENTS_PER_ATTEMPT,
  type AttemptEventInput,
  type AttemptEventType,
} from '../../shared/api/attempt-events.js';
import type { AttemptProgress } from '../../shared/api/attempt-progress.js';
import type { AttemptView } from '../../shared/api/written-exam.js';
import { attemptEvent } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { checkedInWrittenCandidate, setWrittenRules, writtenExam } from './written-test-helpers.js';

// The attempt's event log through its route (issue 14 §3, issue 15 §1), and what staff see of
// it, on the demo's 120-minute degree-English exam (screen sharing required) and its moved clock.

const MINUTE = 60_000;
/** A page clock far off the server's: it must not matter. */
const PAGE_TIME = '2001-01-01T00:00:00.000Z';

type Candidate = Awaited<ReturnType<typeof checkedInWrittenCandidate>>;

describe("the attempt's event log", () => {
  let test: TestApp;
  let startsAt: Date;
  let sessionId: string;
  let li: Candidate;
  let wang: Candidate;
  let proctor: TestClient;

  const event = (type: AttemptEventType, id = randomUUID()): AttemptEventInput => ({
    id,
    type,
    at: PAGE_TIME,
  });
  const send = (who: Candidate, events: unknown[], registrationId = who.registrationId) =>
    who.client.post(`/api/me/registrations/${registrationId}/attempt/events`, { events });
  const outcome = (response: { statusCode: number; json: () => unknown }) => ({
    status: response.statusCode,
    body: response.json() as { stored?: number; duplicates?: number; error?: { code: string } },
  });
  const codeOf = async (sent: ReturnType<typeof send>) => {
    const { status, body } = outcome(await sent);
    return { status, code: body.error?.code };
  };
  const at = (minutes: number, seconds = 0) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE + seconds * 1000));
  };
  const progressOf = async (admissionNumber: string) => {
    const response = await proctor.get(`/api/sessions/${sessionId}/attempts`);
    const items = response.json<{ items: AttemptProgress[] }>().items;
    return items.find((item) => item.admissionNumber === admissionNumber);
  };
  const start = async (who: Candidate) => {
    const response = await who.client.post(
      `/api/me/registrations/${who.registrationId}/attempt/start`,
    );
    expect(response.statusCode).toBe(200);
    return response.json<AttemptView>();
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    ({ startsAt, sessionId } = await writtenExam(test.database.db));
    at(5);
    // One after the other: the login throttle counts parallel logins as an attack.
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
    wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    proctor = await loginStaff(test, 'proctor1');
  });
  afterAll(() => test.close());

  it('stores each event once, dated by the server on arrival, the page time kept aside', async () => {
    const view = await start(li);
    const first = [event('screen_share_started'), event('page_hidden'), event('page_visible')];
    expect(outcome(await send(li, first))).toEqual({
      status: 200,
      body: { stored: 3, duplicates: 0 },
    });
    at(6);
    // The acknowledgement was lost: the page sends the same events again with a new one.
    const replay = [...first, event('page_hidden')];
    expect(outcome(await send(li, replay)).body).toEqual({ stored: 1, duplicates: 3 });

    const rows = await test.database.db
      .select()
      .from(attemptEvent)
      .where(eq(attemptEvent.attemptId, view.attemptId))
      .orderBy(asc(attemptEvent.arrival));
    expect(rows.map((row) => row.type)).toEqual([
      'screen_share_started',
      'page_hidden',
      'page_visible',
      'page_hidden',
    ]);
    expect(rows.map((row) => row.receivedAt.getTime())).toEqual([
      startsAt.getTime() + 5 * MINUTE,
      startsAt.getTime() + 5 * MINUTE,
      startsAt.getTime() + 5 * MINUTE,
      startsAt.getTime() + 6 * MINUTE,
    ]);
    expect(rows.every((row) => row.clientAt.toISOString() === PAGE_TIME)).toBe(true);
  });

  it('shows staff whether the screen is shared now and how often the page was hidden', async () => {
    expect(await progressOf('WRT2026001')).toMatchObject({
      screenShared: true,
      pageHiddenCount: 2,
    });
    await send(li, [event('screen_share_stopped')]);
    expect((await progressOf('WRT2026001'))?.screenShared).toBe(false);
    // Stopped and shared again in one batch: the later one counts, by the order it arrived in.
    await send(li, [event('screen_share_stopped'), event('screen_share_started')]);
    expect((await progressOf('WRT2026001'))?.screenShared).toBe(true);
    // Each signal counted by type (the list's 异常 column); page_visible is no signal.
    expect((await progressOf('WRT2026001'))?.signalCounts).toEqual({
      page_hidden: 2,
      screen_share_stopped: 2,
    });
    expect((await progressOf('WRT2026002'))?.signalCounts).toEqual({});
    // Nothing to say when the exam does not ask for the screen, or for who has not started.
    expect(await progressOf('WRT2026002')).toMatchObject({
      screenShared: null,
      pageHiddenCount: 0,
    });
    await setWrittenRules(test, { screenShareRequired: false });
    expect(await progressOf('WRT2026001')).toMatchObject({
      screenShared: null,
      pageHiddenCount: 2,
    });
    await setWrittenRules(test, { screenShareRequired: true });
  });

  it("refuses another candidate's attempt, one not started, and malformed batches", async () => {
    expect(await codeOf(send(li, [event('page_hidden')], wang.registrationId))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await codeOf(send(wang, [event('page_hidden')]))).toEqual({
      status: 409,
      code: 'ATTEMPT_NOT_OPEN_YET',
    });
    const invalid = { status: 400, code: 'VALIDATION_FAILED' };
    const tooMany = Array.from({ length: 51 }, () => event('page_hidden'));
    expect(await codeOf(send(li, tooMany))).toEqual(invalid);
    expect(await codeOf(send(li, []))).toEqual(invalid);
    expect(await codeOf(send(li, [{ ...event('page_hidden'), type: 'tab_opened' }]))).toEqual(
      invalid,
    );
    expect(await codeOf(send(li, [{ ...event('page_hidden'), id: 'not-a-uuid' }]))).toEqual(
      invalid,
    );
    const bigDetail = Object.fromEntries(Array.from({ length: 9 }, (_, n) => [`k${String(n)}`, n]));
    expect(await codeOf(send(li, [{ ...event('page_hidden'), detail: bigDetail }]))).toEqual(
      invalid,
    );
    expect(
      outcome(
        await send(li, [{ ...event('screen_share_started'), detail: { surface: 'monitor' } }]),
      ).status,
    ).toBe(200);
  });

  it('takes what the page queued just before 交卷 for the grace, then refuses', async () => {
    at(31);
    const submitted = await li.client.post(
      `/api/me/registrations/${li.registrationId}/attempt/submit`,
    );
    expect(submitted.statusCode).toBe(200);
    expect(await progressOf('WRT2026001')).toMatchObject({
      state: 'submitted',
      screenShared: null,
    });
    at(31, 30);
    expect(outcome(await send(li, [event('page_hidden')])).status).toBe(200);
    at(31, 31);
    expect(await codeOf(send(li, [event('page_hidden')]))).toEqual({
      status: 409,
      code: 'ATTEMPT_CLOSED',
    });
  });

  it('stops at the cap per attempt (replays still acknowledged) and after the deadline', async () => {
    at(32);
    const view = await start(wang);
    const stored = event('page_hidden');
    await send(wang, [stored]);
    const { schoolId } = await writtenExam(test.database.db);
    const filler = Array.from({ length: MAX_EVENTS_PER_ATTEMPT - 2 }, () => ({
      attemptId: view.attemptId,
      schoolId,
      id: randomUUID(),
      type: 'page_visible' as const,
      receivedAt: test.clock.now(),
      clientAt: test.clock.now(),
    }));
    await test.database.db.insert(attemptEvent).values(filler);
    expect(outcome(await send(wang, [event('page_hidden')])).body).toEqual({
      stored: 1,
      duplicates: 0,
    });
    expect(await codeOf(send(wang, [event('page_hidden')]))).toEqual({
      status: 429,
      code: 'ATTEMPT_EVENTS_LIMIT',
    });
    expect(outcome(await send(wang, [stored])).body).toEqual({ stored: 0, duplicates: 1 });

    // Past the deadline and its grace, before the sweep has submitted it: closed all the same.
    at(120, 31);
    expect(await codeOf(send(wang, [stored]))).toEqual({ status: 409, code: 'ATTEMPT_CLOSED' });
  });
});
