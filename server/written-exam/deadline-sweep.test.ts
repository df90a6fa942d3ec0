import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { attempt } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { writtenExamServices } from './routes.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  writtenExam,
} from './written-test-helpers.js';

// The server submits at the deadline with every browser closed (issue 14 §3), and after 10
// minutes without any action; two nodes sweeping at once submit each attempt once.

const MINUTE = 60_000;

describe('the deadline sweep', () => {
  let test: TestApp;
  let startsAt: Date;
  // A node of its own beside the app's (which sweeps on no timer in tests), as a second server
  // would run it.
  const node = () =>
    writtenExamServices({
      db: test.database.db,
      clock: test.clock,
      audit: new AuditLog(test.database.db, test.clock),
    }).sweep;
  const at = (minutes: number, seconds = 0) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE + seconds * 1000));
  };
  const attemptOf = async (registrationId: string) => {
    const [row] = await test.database.db
      .select()
      .from(attempt)
      .where(eq(attempt.registrationId, registrationId));
    return row;
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    ({ startsAt } = await writtenExam(test.database.db));
    await seedWrittenPaper(test.database.db);
  });
  afterAll(() => test.close());

  // The page's socket writes its presence while it is open (pc-attendance.ts); here by hand.
  const pageSeen = (registrationId: string) =>
    test.database.db
      .update(attempt)
      .set({ lastSeenAt: test.clock.now() })
      .where(eq(attempt.registrationId, registrationId));

  it('submits an idle attempt 10 minutes after its last action, dated then', async () => {
    at(3);
    const li = await checkedInWrittenCandidate(test, 'WRT2026001');
    expect(
      (await li.client.post(`/api/me/registrations/${li.registrationId}/attempt/start`)).statusCode,
    ).toBe(200);
    at(12, 59);
    await pageSeen(li.registrationId);
    expect(await node().runOnce()).toBe(0);
    at(13);
    expect(await node().runOnce()).toBe(1);
    expect(await attemptOf(li.registrationId)).toMatchObject({
      state: 'submitted',
      submitReason: 'inactivity',
      submittedAt: new Date(startsAt.getTime() + 13 * MINUTE),
    });
  });

  it('submits at the deadline once the grace has passed, once across two nodes', async () => {
    at(20);
    const wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    const start = `/api/me/registrations/${wang.registrationId}/attempt/start`;
    expect((await wang.client.post(start)).statusCode).toBe(200);
    // Active until just before the end: inactivity is not what closes it.
    await test.database.db
      .update(attempt)
      .set({ lastActivityAt: new Date(startsAt.getTime() + 119 * MINUTE) })
      .where(eq(attempt.registrationId, wang.registrationId));
    at(120, 30);
    expect(await node().runOnce()).toBe(0);
    at(120, 31);
    const counts = await Promise.all([node().runOnce(), node().runOnce()]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await attemptOf(wang.registrationId)).toMatchObject({
      state: 'submitted',
      submitReason: 'deadline',
      submittedAt: new Date(startsAt.getTime() + 120 * MINUTE),
      objectivePoints: 0,
    });
    expect(await node().runOnce()).toBe(0);
  });
});
