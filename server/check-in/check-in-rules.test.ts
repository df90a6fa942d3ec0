import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInState } from '../../shared/api/check-in.js';
import { appUser, exam, examSession } from '../db/schema/index.js';
import { INTERVIEW_RULES } from '../demo/demo-data.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import {
  FakeFaceMatcher,
  checkInUrl,
  confirmForCheckIn,
  deviceReport,
  faceBody,
  readCheckIn,
  sessionIdNamed,
} from './check-in-test-helpers.js';

const MINUTE = 60_000;

describe('the check-in against the clock and the exam rules', () => {
  let test: TestApp;
  let matcher: FakeFaceMatcher;
  let zhang: TestClient;
  let li: TestClient;
  let zhangId: string;
  let liId: string;
  let startsAt: Date;
  let endsAt: Date;

  const state = readCheckIn;

  beforeAll(async () => {
    matcher = new FakeFaceMatcher();
    test = await createTestApp({ faceMatcher: matcher });
    await seedDemoInto(test);
    zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    li = await loginCandidate(test, 'INT2026', 'INT2026002');
    zhangId = await registrationIdOf(zhang, 'INT2026001');
    liId = await registrationIdOf(li, 'INT2026002');
    await confirmForCheckIn(zhang, zhangId);
    await confirmForCheckIn(li, liId);
    const sessionId = await sessionIdNamed(test, '外国语学院面试第一考场');
    const [session] = await test.database.db
      .select()
      .from(examSession)
      .where(eq(examSession.id, sessionId));
    if (!session) throw new Error('no session');
    ({ startsAt, endsAt } = session);
    // Without a second camera the check-in ends with the pledge.
    await test.database.db
      .update(exam)
      .set({ rules: { ...INTERVIEW_RULES, secondCameraRequired: false } })
      .where(eq(exam.code, 'INT2026'));
  });
  afterAll(() => test.close());

  it('refuses changes before check-in opens, while still answering', async () => {
    test.clock.set(new Date(startsAt.getTime() - 31 * MINUTE));
    const before = await state(zhang, zhangId);
    expect(before).toMatchObject({
      status: 'not_started',
      canEnter: false,
      enterBlock: 'not_open',
      checkInOpensAt: new Date(startsAt.getTime() - 30 * MINUTE).toISOString(),
    });
    const refused = await zhang.put(checkInUrl(zhangId, 'device'), deviceReport());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CHECK_IN_NOT_OPEN');
  });

  it('runs every check before the start but only lets the candidate in once it starts', async () => {
    test.clock.set(new Date(startsAt.getTime() - 20 * MINUTE));
    expect((await zhang.put(checkInUrl(zhangId, 'device'), deviceReport())).statusCode).toBe(200);
    expect((await zhang.post(checkInUrl(zhangId, 'face'), faceBody('match'))).statusCode).toBe(200);
    const agreed = await zhang.post(checkInUrl(zhangId, 'pledge'), { agree: true });
    expect(agreed.json<CheckInState>()).toMatchObject({
      status: 'check_in_open',
      currentStep: null,
      steps: { phone: { state: 'not_required' } },
      canEnter: false,
      enterBlock: 'not_open',
    });

    test.clock.set(startsAt);
    expect(await state(zhang, zhangId)).toMatchObject({
      status: 'in_progress',
      canEnter: true,
      enterBlock: null,
    });
  });

  it('offers 继续进入 at once when there is no reference photo', async () => {
    await test.database.db
      .update(appUser)
      .set({ photoFileId: null })
      .where(eq(appUser.name, '李四'));
    await li.put(checkInUrl(liId, 'device'), deviceReport());
    const calls = matcher.references.length;
    const response = await li.post(checkInUrl(liId, 'face'), faceBody('match'));
    expect(response.statusCode).toBe(200);
    expect(response.json().result).toMatchObject({ verdict: 'no_reference', score: null });
    expect(matcher.references).toHaveLength(calls);

    const continued = await li.post(checkInUrl(liId, 'face/continue'));
    expect(continued.statusCode).toBe(200);
    expect(continued.json<CheckInState>().steps.face).toMatchObject({
      state: 'flagged',
      attempts: 1,
      lastVerdict: 'no_reference',
    });
  });

  it('leaves the face step out when the exam does not require it', async () => {
    await test.database.db
      .update(exam)
      .set({ rules: { ...INTERVIEW_RULES, secondCameraRequired: false, faceCheckRequired: false } })
      .where(eq(exam.code, 'INT2026'));
    const after = await state(li, liId);
    expect(after.steps.face.state).toBe('not_required');
    expect(after.currentStep).toBe('pledge');
  });

  it('requires the phone as the primary camera when the PC has none and the exam allows it', async () => {
    await test.database.db
      .update(exam)
      .set({
        rules: { ...INTERVIEW_RULES, secondCameraRequired: false, phoneAsPrimaryAllowed: true },
      })
      .where(eq(exam.code, 'INT2026'));
    const noCamera = deviceReport({ camera: { ok: false, error: 'not_found' } });
    const after = (await li.put(checkInUrl(liId, 'device'), noCamera)).json<CheckInState>();
    expect(after.phoneAsPrimaryAllowed).toBe(true);
    expect(after.steps.device.state).toBe('passed');
    expect(after.steps.face.state).toBe('not_required');
    expect(after.steps.phone.state).toBe('pending');
    expect(after.currentStep).toBe('pledge');
  });

  it('closes at the end: changes refused, the state still readable', async () => {
    test.clock.set(endsAt);
    const ended = await state(zhang, zhangId);
    expect(ended).toMatchObject({ status: 'ended', canEnter: false, enterBlock: 'ended' });
    const refused = await zhang.put(checkInUrl(zhangId, 'device'), deviceReport());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CHECK_IN_CLOSED');
  });
});
