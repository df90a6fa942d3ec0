import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyRegistration } from '../../shared/api/exams.js';
import { sessionIdNamed } from '../check-in/check-in-test-helpers.js';
import {
  INTERVIEW_SESSION,
  checkedInCandidate,
  command,
  enter,
  waitingRoomUrl,
} from '../interviews/interview-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';

describe('我的考场: where the candidate stands and what is still possible', () => {
  let test: TestApp;
  let sessionId: string;
  let zhang: TestClient;
  let zhangId: string;
  let waiting1: TestClient;
  let panel1: TestClient;

  const mine = async (client: TestClient, registrationId: string) => {
    const response = await client.get('/api/me/registrations');
    expect(response.statusCode).toBe(200);
    const row = response
      .json<{ items: MyRegistration[] }>()
      .items.find((item) => item.registrationId === registrationId);
    if (!row) throw new Error('registration not listed');
    return { status: row.status, standing: row.standing, checkInBlock: row.checkInBlock };
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    sessionId = await sessionIdNamed(test, INTERVIEW_SESSION);
    ({ client: zhang, registrationId: zhangId } = await checkedInCandidate(test, 'INT2026001'));
    waiting1 = await loginStaff(test, 'waiting1');
    panel1 = await loginStaff(test, 'panel1');
  });
  afterAll(() => test.close());

  it('says what the candidate must do first before the check-in opens to them', async () => {
    const li = await loginCandidate(test, 'INT2026', 'INT2026002');
    const list = (await li.get('/api/me/registrations')).json<{ items: MyRegistration[] }>();
    const interview = list.items.find((item) => item.admissionNumber === 'INT2026002');
    expect(interview).toMatchObject({
      status: 'in_progress',
      standing: 'check_in',
      checkInBlock: 'attendance_pending',
    });
  });

  it('follows the candidate from the check-in through the 候考区 and the interview to 面试结束', async () => {
    expect(await mine(zhang, zhangId)).toEqual({
      status: 'in_progress',
      standing: 'check_in',
      checkInBlock: null,
    });

    await enter(zhang, zhangId);
    expect(await mine(zhang, zhangId)).toMatchObject({ standing: 'waiting', checkInBlock: null });

    expect((await command(waiting1, sessionId, zhangId, 'call')).status).toBe(200);
    const ready = { readiness: 'ready' };
    expect((await command(waiting1, sessionId, zhangId, 'readiness', ready)).status).toBe(200);
    expect((await command(waiting1, sessionId, zhangId, 'end-call')).status).toBe(200);
    expect((await command(panel1, sessionId, zhangId, 'invite')).status).toBe(200);
    expect(await mine(zhang, zhangId)).toMatchObject({ standing: 'waiting' });
    expect((await zhang.post(waitingRoomUrl(zhangId, 'accept'))).statusCode).toBe(200);
    expect(await mine(zhang, zhangId)).toMatchObject({
      standing: 'interviewing',
      checkInBlock: null,
    });

    expect((await command(panel1, sessionId, zhangId, 'end-interview')).status).toBe(200);
    // The session runs on for the others; for 张三 the interview is over: no check-in any more.
    expect(await mine(zhang, zhangId)).toEqual({
      status: 'in_progress',
      standing: 'interview_done',
      checkInBlock: 'finished',
    });
  });

  // Last: it moves the clock past the session's end.
  it("still says 面试结束 after the session's end, and 已结束 for one who never finished", async () => {
    const wang = await checkedInCandidate(test, 'INT2026003');
    await enter(wang.client, wang.registrationId);
    test.clock.advance(9 * 3600_000);
    expect(await mine(zhang, zhangId)).toEqual({
      status: 'ended',
      standing: 'interview_done',
      checkInBlock: 'finished',
    });
    expect(await mine(wang.client, wang.registrationId)).toEqual({
      status: 'ended',
      standing: 'ended',
      checkInBlock: 'ended',
    });
  });
});
