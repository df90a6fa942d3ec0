import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempt } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  setWrittenRules,
  writtenExam,
} from './written-test-helpers.js';

// An autosave trusts the attempt it read for 2 s (AttemptRepo.ownAttemptForSave), but never
// refuses or marks late on it: a deadline moved meanwhile elsewhere (an outage's compensation
// closed by the realtime layer, extra time given on another node) is read again first.

const MINUTE = 60_000;

describe('an autosave right after the deadline moved elsewhere', () => {
  let test: TestApp;
  let startsAt: Date;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    ({ startsAt } = await writtenExam(test.database.db));
  });
  afterAll(() => test.close());

  const at = (minutes: number, seconds = 0) => {
    test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE + seconds * 1000));
  };

  it('is taken on time against the new deadline, not marked late or refused', async () => {
    at(5);
    const wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    const [single, multiple] = (await seedWrittenPaper(test.database.db)).ids as [string, string];
    const url = (id: string) =>
      `/api/me/registrations/${wang.registrationId}/attempt/answers/${id}`;
    expect(
      (await wang.client.post(`/api/me/registrations/${wang.registrationId}/attempt/start`))
        .statusCode,
    ).toBe(200);

    at(119, 59.5);
    const before = await wang.client.put(url(single), {
      answer: { type: 'single_choice', optionId: 'B' },
      seq: 1,
    });
    expect([before.statusCode, before.json()]).toEqual([200, { seq: 1, late: false }]);

    // Ten minutes more, written straight into the row as another process would.
    await test.database.db
      .update(attempt)
      .set({
        extraMinutes: sql`${attempt.extraMinutes} + 10`,
        deadlineAt: sql`${attempt.deadlineAt} + interval '10 minutes'`,
      })
      .where(eq(attempt.registrationId, wang.registrationId));

    at(120, 1);
    const after = await wang.client.put(url(multiple), {
      answer: { type: 'multiple_choice', optionIds: ['A'] },
      seq: 1,
    });
    expect([after.statusCode, after.json()]).toEqual([200, { seq: 1, late: false }]);
  });
});
