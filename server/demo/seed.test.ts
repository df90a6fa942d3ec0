import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, examSession, registration, school } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

describe('Demo seed', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  const counts = async () => {
    const db = test.database.db;
    const one = async (
      table: typeof school | typeof appUser | typeof examSession | typeof registration,
    ) => (await db.select({ n: count() }).from(table))[0]?.n;
    return {
      schools: await one(school),
      users: await one(appUser),
      sessions: await one(examSession),
      registrations: await one(registration),
    };
  };

  it('seeds a school with staff of every role and six candidates, once only', async () => {
    await seedDemoInto(test);
    const first = await counts();
    expect(first).toEqual({ schools: 1, users: 13, sessions: 2, registrations: 7 });
    await seedDemoInto(test);
    expect(await counts()).toEqual(first);
  });

  it('opens the interview session now and the written one tomorrow', async () => {
    const sessions = await test.database.db
      .select()
      .from(examSession)
      .orderBy(examSession.startsAt);
    const now = test.clock.now().getTime();
    expect(sessions[0]?.startsAt.getTime()).toBeLessThanOrEqual(now);
    expect(sessions[0]?.endsAt.getTime()).toBeGreaterThan(now);
    expect(sessions[1]?.startsAt.getTime()).toBeGreaterThan(now + 3600_000);
  });
});
