import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptEventType } from '../../shared/api/attempt-events.js';
import type { AttemptProgress } from '../../shared/api/attempt-progress.js';
import type { MyAttempt } from '../../shared/api/written-exam.js';
import { AuditLog } from '../audit/audit-log.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { writtenExamServices } from './routes.js';
import { checkedInWrittenCandidate, setWrittenRules, writtenExam } from './written-test-helpers.js';

// Sharing the screen is an action for the inactivity submit (seed 004: 10 minutes without any
// action), and staff stop seeing 共享中 once the candidate's page is gone.

const MINUTE = 60_000;

describe('screen sharing as activity, and 共享中 for staff', () => {
  let test: TestApp;
  let startsAt: Date;
  let sessionId: string;
  let li: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let proctor: TestClient;

  const at = (minutes: number, seconds = 0) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE + seconds * 1000));
  };
  const send = (type: AttemptEventType) =>
    li.client.post(`/api/me/registrations/${li.registrationId}/attempt/events`, {
      events: [{ id: randomUUID(), type, at: new Date(0).toISOString() }],
    });
  const idleSubmitAt = async () => {
    const response = await li.client.get(`/api/me/registrations/${li.registrationId}/attempt`);
    return response.json<MyAttempt>().attempt?.inactivitySubmitAt;
  };
  const minute = (minutes: number) => new Date(startsAt.getTime() + minutes * MINUTE).toISOString();
  const progress = async () => {
    const response = await proctor.get(`/api/sessions/${sessionId}/attempts`);
    const { items } = response.json<{ items: AttemptProgress[] }>();
    return items.find((item) => item.registrationId === li.registrationId);
  };
  const sweep = () =>
    writtenExamServices({
      db: test.database.db,
      clock: test.clock,
      audit: new AuditLog(test.database.db, test.clock),
    }).sweep.runOnce();

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    await setWrittenRules(test, {
      faceCheckAtSubmit: false,
      screenShareRequired: true,
      inactivitySubmitMinutes: 10,
    });
    ({ startsAt, sessionId } = await writtenExam(test.database.db));
    at(5);
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
    proctor = await loginStaff(test, 'proctor1');
    const started = await li.client.post(
      `/api/me/registrations/${li.registrationId}/attempt/start`,
    );
    expect(started.statusCode).toBe(200);
  });
  afterAll(() => test.close());

  it('moves the inactivity submit on a share and on pressing 共享屏幕, not on a hidden page', async () => {
    expect(await idleSubmitAt()).toBe(minute(15));
    at(14);
    expect((await send('screen_share_started')).statusCode).toBe(200);
    expect(await idleSubmitAt()).toBe(minute(24));
    at(15);
    expect(await sweep()).toBe(0);
    at(20);
    await send('screen_share_requested');
    expect(await idleSubmitAt()).toBe(minute(30));
    at(22);
    await send('page_hidden');
    expect(await idleSubmitAt()).toBe(minute(30));
  });

  it('shows 共享中 while the page is heard from, and not once it is gone', async () => {
    at(23);
    await send('screen_share_started');
    expect(await progress()).toMatchObject({ connection: 'online', screenShared: true });
    // No socket, no request for longer than PRESENCE_STALE_SECONDS: the tab was closed.
    at(23, 46);
    expect(await progress()).toMatchObject({ connection: 'away', screenShared: false });
  });
});
