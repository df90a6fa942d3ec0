import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdNamed } from '../check-in/check-in-test-helpers.js';
import { appUser, staffAssignment, waitingTicket } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { INTERVIEW_SESSION, checkedInCandidate, command, enter } from './interview-test-helpers.js';

// Runs on PGlite by default and on PostgreSQL when DATABASE_URL is set: the conditional writes
// and the partial unique indexes must settle each race the same way on both.
describe('Waiting room races', () => {
  let test: TestApp;
  let sessionId: string;
  let zhangId: string;
  let liId: string;
  let waiting1: TestClient;
  let waiting2: TestClient;
  let panel1: TestClient;
  let panel2: TestClient;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    sessionId = await sessionIdNamed(test, INTERVIEW_SESSION);
    // A second waiting-room examiner for the session: panel2 takes that duty too.
    const [panel2User] = await test.database.db
      .select({ id: appUser.id, schoolId: appUser.schoolId })
      .from(appUser)
      .where(eq(appUser.username, 'panel2'));
    if (!panel2User?.schoolId) throw new Error('no panel2');
    await test.database.db.insert(staffAssignment).values({
      schoolId: panel2User.schoolId,
      sessionId,
      userId: panel2User.id,
      duty: 'waiting_examiner',
    });
    const zhang = await checkedInCandidate(test, 'INT2026001');
    const li = await checkedInCandidate(test, 'INT2026002');
    zhangId = zhang.registrationId;
    liId = li.registrationId;
    await enter(zhang.client, zhangId);
    await enter(li.client, liId);
    waiting1 = await loginStaff(test, 'waiting1');
    waiting2 = await loginStaff(test, 'panel2');
    panel1 = await loginStaff(test, 'panel1');
    panel2 = await loginStaff(test, 'panel2');
  });
  afterAll(() => test.close());

  const ticketRow = async (registrationId: string) => {
    const [row] = await test.database.db
      .select()
      .from(waitingTicket)
      .where(eq(waitingTicket.registrationId, registrationId));
    return row;
  };

  it('two examiners calling the same candidate at once: one call wins', async () => {
    const results = await Promise.all([
      command(waiting1, sessionId, zhangId, 'call'),
      command(waiting2, sessionId, zhangId, 'call'),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(results.find((result) => result.status === 409)?.code).toBe('CANDIDATE_IN_CALL');
    const winner = results.find((result) => result.status === 200)?.ticket?.calledBy;
    expect((await ticketRow(zhangId))?.calledBy).toBe(winner);
    const loser = results[0].status === 200 ? waiting2 : waiting1;
    const winnerClient = loser === waiting1 ? waiting2 : waiting1;
    // The loser is free to call someone else; the winner is not.
    expect(await command(winnerClient, sessionId, liId, 'call')).toMatchObject({
      code: 'EXAMINER_IN_CALL',
    });
    expect((await command(loser, sessionId, liId, 'call')).status).toBe(200);
    for (const [client, id] of [
      [winnerClient, zhangId],
      [loser, liId],
    ] as const) {
      expect(
        (await command(client, sessionId, id, 'readiness', { readiness: 'ready' })).status,
      ).toBe(200);
      expect((await command(client, sessionId, id, 'end-call')).status).toBe(200);
    }
  });

  it('one examiner calling two candidates at once holds one call', async () => {
    const results = await Promise.all([
      command(waiting1, sessionId, zhangId, 'call'),
      command(waiting1, sessionId, liId, 'call'),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(results.find((result) => result.status === 409)?.code).toBe('EXAMINER_IN_CALL');
    const calls = await test.database.db
      .select()
      .from(waitingTicket)
      .where(and(eq(waitingTicket.sessionId, sessionId), eq(waitingTicket.state, 'called')));
    expect(calls).toHaveLength(1);
    const called = calls[0]?.registrationId ?? '';
    expect((await command(waiting1, sessionId, called, 'end-call')).status).toBe(200);
  });

  it('two panel examiners inviting two ready candidates at once: only one is invited', async () => {
    const results = await Promise.all([
      command(panel1, sessionId, zhangId, 'invite'),
      command(panel2, sessionId, liId, 'invite'),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect(results.find((result) => result.status === 409)?.code).toBe('PANEL_BUSY');
    const invited = await test.database.db
      .select({ id: waitingTicket.registrationId })
      .from(waitingTicket)
      .where(and(eq(waitingTicket.sessionId, sessionId), eq(waitingTicket.state, 'invited')));
    expect(invited).toHaveLength(1);
  });

  it('the unique index is the last word even when the pre-check is skipped', async () => {
    const other = (await ticketRow(zhangId))?.state === 'invited' ? liId : zhangId;
    const before = await ticketRow(other);
    if (!before) throw new Error('no ticket');
    const write = test.database.db
      .update(waitingTicket)
      .set({ state: 'invited' })
      .where(eq(waitingTicket.registrationId, other));
    await expect(write).rejects.toThrow();
    expect((await ticketRow(other))?.state).toBe(before.state);
  });
});
