import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  sweepKit,
  writtenExam,
} from './written-test-helpers.js';

// Seed 004's rule (超过10分钟无操作 … 自动交卷) counts only time the server saw the page open:
// a PC gone quiet (a power cut, a lost network, the server itself down) is an outage, not a
// candidate doing nothing, and when the page is back the idle clock starts again.

describe('inactivity while the page is away', () => {
  let test: TestApp;
  let startsAt: Date;
  const kit = () => sweepKit(test, () => startsAt);

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    ({ startsAt } = await writtenExam(test.database.db));
    await seedWrittenPaper(test.database.db);
  });
  afterAll(() => test.close());

  it('does not submit a candidate whose PC is away, and counts 10 minutes from the return', async () => {
    const { node, at, attemptOf, pageSeen } = kit();
    at(3);
    const li = await checkedInWrittenCandidate(test, 'WRT2026001');
    const start = `/api/me/registrations/${li.registrationId}/attempt/start`;
    expect((await li.client.post(start)).statusCode).toBe(200);
    at(8);
    await pageSeen(li.registrationId);

    // Gone since 8 with nothing done since 3: idle past 10 minutes, but away, so kept open.
    at(14);
    expect(await node().sweep.runOnce()).toBe(0);
    expect(await attemptOf(li.registrationId)).toMatchObject({ state: 'in_progress' });

    // Back at 20 (the outage the sweep opened closes): ten idle minutes from then.
    at(20);
    await node().outages.seen([{ registrationId: li.registrationId, at: test.clock.now() }]);
    at(29, 59);
    await pageSeen(li.registrationId);
    expect(await node().sweep.runOnce()).toBe(0);
    at(30);
    expect(await node().sweep.runOnce()).toBe(1);
    expect(await attemptOf(li.registrationId)).toMatchObject({
      state: 'submitted',
      submitReason: 'inactivity',
      submittedAt: new Date(startsAt.getTime() + 30 * 60_000),
    });
  });
});
