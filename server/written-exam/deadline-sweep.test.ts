import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempt } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  sweepKit,
  writtenExam,
} from './written-test-helpers.js';

// The server submits at the deadline with every browser closed (issue 14 §3), and after 10
// minutes without any action; two nodes sweeping at once submit each attempt once.

const MINUTE = 60_000;

describe('the deadline sweep', () => {
  let test: TestApp;
  let startsAt: Date;
  const kit = () => sweepKit(test, () => startsAt);
  const node = () => kit().node().sweep;
  const at = (minutes: number, seconds = 0) => kit().at(minutes, seconds);
  const attemptOf = (registrationId: string) => kit().attemptOf(registrationId);

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    ({ startsAt } = await writtenExam(test.database.db));
    await seedWrittenPaper(test.database.db);
  });
  afterAll(() => test.close());

  it('submits an idle attempt 10 minutes after its last action, dated then', async () => {
    at(3);
    const li = await checkedInWrittenCandidate(test, 'WRT2026001');
    expect(
      (await li.client.post(`/api/me/registrations/${li.registrationId}/attempt/start`)).statusCode,
    ).toBe(200);
    at(12, 59);
    await kit().pageSeen(li.registrationId);
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
