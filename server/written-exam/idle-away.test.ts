import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { attempt } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { writtenExamServices } from './routes.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  writtenExam,
} from './written-test-helpers.js';

// Seed 004's rule (超过10分钟无操作 … 自动交卷) counts only time the server saw the page open:
// a PC gone quiet (a power cut, a lost network, the server itself down) is an outage, not a
// candidate doing nothing, and when the page is back the idle clock starts again.

const MINUTE = 60_000;

describe('inactivity while the page is away', () => {
  let test: TestApp;
  let startsAt: Date;
  const services = () =>
    writtenExamServices({
      db: test.database.db,
      clock: test.clock,
      audit: new AuditLog(test.database.db, test.clock),
    });
  const at = (minutes: number, seconds = 0) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE + seconds * 1000));
  };
  const attemptOf = async (registrationId: string) => {
    const [row] = await test.database.db
      .select()
      .from(attempt)
      .where(eq(attempt.registrationId, registrationId));
    if (!row) throw new Error('no attempt');
    return row;
  };
  // The page's socket writes its presence while it is open (pc-attendance.ts); here by hand.
  const pageSeen = (registrationId: string) =>
    test.database.db
      .update(attempt)
      .set({ lastSeenAt: test.clock.now() })
      .where(eq(attempt.registrationId, registrationId));

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    ({ startsAt } = await writtenExam(test.database.db));
    await seedWrittenPaper(test.database.db);
  });
  afterAll(() => test.close());

  it('does not submit a candidate whose PC is away, and counts 10 minutes from the return', async () => {
    at(3);
    const li = await checkedInWrittenCandidate(test, 'WRT2026001');
    const start = `/api/me/registrations/${li.registrationId}/attempt/start`;
    expect((await li.client.post(start)).statusCode).toBe(200);
    at(8);
    await pageSeen(li.registrationId);

    // Gone since 8 with nothing done since 3: idle past 10 minutes, but away, so kept open.
    at(14);
    expect(await services().sweep.runOnce()).toBe(0);
    expect(await attemptOf(li.registrationId)).toMatchObject({ state: 'in_progress' });

    // Back at 20 (the outage the sweep opened closes): ten idle minutes from then.
    at(20);
    await services().outages.seen([{ registrationId: li.registrationId, at: test.clock.now() }]);
    at(29, 59);
    await pageSeen(li.registrationId);
    expect(await services().sweep.runOnce()).toBe(0);
    at(30);
    expect(await services().sweep.runOnce()).toBe(1);
    expect(await attemptOf(li.registrationId)).toMatchObject({
      state: 'submitted',
      submitReason: 'inactivity',
      submittedAt: new Date(startsAt.getTime() + 30 * MINUTE),
    });
  });
});
