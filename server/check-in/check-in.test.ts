import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInState } from '../../shared/api/check-in.js';
import { PHONE_LOST_AFTER_MS } from '../../shared/enums.js';
import { INTERVIEW_RULES } from '../demo/demo-data.js';
import { startedPhone } from '../phone/phone-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import {
  FakeFaceMatcher,
  checkInUrl,
  confirmForCheckIn,
  deviceReport,
  faceBody,
  readCheckIn,
} from './check-in-test-helpers.js';

describe('the check-in of a candidate (device → face → pledge → phone)', () => {
  let test: TestApp;
  let matcher: FakeFaceMatcher;
  let zhang: TestClient;
  let li: TestClient;
  let zhangId: string;
  let liId: string;

  const state = readCheckIn;

  beforeAll(async () => {
    matcher = new FakeFaceMatcher();
    test = await createTestApp({ faceMatcher: matcher });
    await seedDemoInto(test);
    zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    li = await loginCandidate(test, 'INT2026', 'INT2026002');
    zhangId = await registrationIdOf(zhang, 'INT2026001');
    liId = await registrationIdOf(li, 'INT2026002');
  });
  afterAll(() => test.close());

  it('is refused until attendance and roster data are confirmed', async () => {
    for (const response of [
      await zhang.get(checkInUrl(zhangId)),
      await zhang.put(checkInUrl(zhangId, 'device'), deviceReport()),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('CHECK_IN_NOT_ALLOWED');
    }
    await confirmForCheckIn(zhang, zhangId);
    await confirmForCheckIn(li, liId);
  });

  it('starts at the device check, with the exam rules deciding the steps', async () => {
    expect(await state(zhang, zhangId)).toMatchObject({
      candidateName: '张三',
      examKind: 'interview',
      sessionName: '外国语学院面试第一考场',
      status: 'in_progress',
      currentStep: 'device',
      steps: {
        device: { state: 'pending', report: null },
        face: { state: 'pending', attempts: 0, attemptsAllowed: 4, lastVerdict: null },
        pledge: { state: 'pending', agreedAt: null },
        // The demo interview requires a second camera.
        phone: { state: 'pending', connection: 'unpaired' },
      },
      canEnter: false,
      enterBlock: 'steps_pending',
    });
  });

  it('refuses steps out of order', async () => {
    for (const response of [
      await zhang.post(checkInUrl(zhangId, 'face'), faceBody('match')),
      await zhang.post(checkInUrl(zhangId, 'face/continue')),
      await zhang.post(checkInUrl(zhangId, 'pledge'), { agree: true }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('STEP_OUT_OF_ORDER');
    }
    expect(matcher.references).toHaveLength(0);
  });

  it('keeps a failed device check pending with its report, and passes a working one', async () => {
    const noMicrophone = await zhang.put(
      checkInUrl(zhangId, 'device'),
      deviceReport({ micOk: false }),
    );
    expect(noMicrophone.statusCode).toBe(200);
    expect(noMicrophone.json<CheckInState>().steps.device).toMatchObject({
      state: 'pending',
      report: { microphone: { ok: false } },
    });

    const working = await zhang.put(checkInUrl(zhangId, 'device'), deviceReport());
    const after = working.json<CheckInState>();
    expect(after.currentStep).toBe('face');
    expect(after.steps.device).toMatchObject({
      state: 'passed',
      checkedAt: test.clock.now().toISOString(),
      // Warnings (speaker, network, browser) stay in the report for staff.
      report: { speaker: { heard: false }, network: { ok: false }, browser: { ok: false } },
    });
    // A reload resumes at the same step.
    expect((await state(zhang, zhangId)).currentStep).toBe('face');
  });

  it('refuses a snapshot that is not a whole PNG or JPEG, without counting an attempt', async () => {
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(120)]).toString('base64');
    const response = await zhang.post(checkInUrl(zhangId, 'face'), {
      ...faceBody('match'),
      image: gif,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IMAGE_UNREADABLE');
    // A PNG signature followed by HTML is no picture either: it is decoded before it is stored.
    const html = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('<html><script>alert(document.cookie)</script></html>'.padEnd(200)),
    ]).toString('base64');
    const polyglot = await zhang.post(checkInUrl(zhangId, 'face'), {
      ...faceBody('match'),
      image: html,
    });
    expect(polyglot.json().error.code).toBe('IMAGE_UNREADABLE');
    expect((await state(zhang, zhangId)).steps.face.attempts).toBe(0);
  });

  it('passes the face check on a match against the roster photo', async () => {
    const response = await zhang.post(checkInUrl(zhangId, 'face'), faceBody('match'));
    expect(response.statusCode).toBe(200);
    const { result, state: after } = response.json<{ result: unknown; state: CheckInState }>();
    expect(result).toMatchObject({ source: 'check_in', verdict: 'match', score: 0.86 });
    expect(result).toMatchObject({
      threshold: INTERVIEW_RULES.faceMatchThreshold,
      liveness: { passed: true },
    });
    expect(after.currentStep).toBe('pledge');
    expect(after.steps.face).toMatchObject({
      state: 'passed',
      attempts: 1,
      score: 0.86,
      lastVerdict: 'match',
    });
    expect(matcher.references.at(-1)).toMatchObject({ kind: 'photo' });
  });

  it('compares later re-checks with the passed snapshot, without changing the step', async () => {
    const response = await zhang.post(checkInUrl(zhangId, 'face'), faceBody('mismatch'));
    expect(response.statusCode).toBe(200);
    expect(matcher.references.at(-1)).toEqual({ kind: 'embedding', embedding: [0.1, 0.2] });
    const after = response.json<{ state: CheckInState }>().state;
    expect(after.steps.face).toMatchObject({ state: 'passed', attempts: 1, score: 0.86 });
  });

  it('stores the pledge with time and address', async () => {
    const response = await zhang.post(checkInUrl(zhangId, 'pledge'), { agree: true });
    expect(response.statusCode).toBe(200);
    const after = response.json<CheckInState>();
    expect(after.steps.pledge).toEqual({
      state: 'passed',
      agreedAt: test.clock.now().toISOString(),
    });
    expect(after.currentStep).toBe('phone');
    expect(after.pledgeText).toContain('本人承诺');
    expect(after.enterBlock).toBe('steps_pending');
    const refused = await zhang.post(checkInUrl(zhangId, 'pledge'), { agree: false });
    expect(refused.statusCode).toBe(400);

    const admin = await loginStaff(test, 'admin');
    const audited = (await auditEntries(admin, 'check_in.')).filter(
      (entry) => entry.targetId === zhangId,
    );
    expect(audited.map((entry) => entry.action).sort()).toEqual([
      'check_in.device_checked',
      'check_in.device_checked',
      'check_in.face_checked',
      'check_in.face_checked',
      'check_in.pledge_agreed',
    ]);
  });

  it('may enter once the phone step is done; the phone is live while it beats, lost when it stops', async () => {
    const phone = await startedPhone(test, zhang, zhangId);
    const ready = await state(zhang, zhangId);
    expect(ready).toMatchObject({ currentStep: null, canEnter: true, enterBlock: null });
    expect(ready.steps.phone).toMatchObject({ state: 'passed', connection: 'live' });

    test.clock.advance(PHONE_LOST_AFTER_MS + 1000);
    expect((await state(zhang, zhangId)).steps.phone.connection).toBe('lost');
    await phone.beat();
    const back = await state(zhang, zhangId);
    expect(back.steps.phone).toMatchObject({
      connection: 'live',
      lastSeenAt: test.clock.now().toISOString(),
    });
    phone.socket.close();
  });

  it('re-runs the device check at any time without un-passing later steps', async () => {
    const broken = await zhang.put(
      checkInUrl(zhangId, 'device'),
      deviceReport({ camera: { ok: false, error: 'in_use' } }),
    );
    const after = broken.json<CheckInState>();
    expect(after).toMatchObject({ currentStep: 'device', canEnter: false });
    expect(after.steps.face.state).toBe('passed');
    expect(after.steps.pledge.state).toBe('passed');

    const fixed = await zhang.put(checkInUrl(zhangId, 'device'), deviceReport());
    expect(fixed.json<CheckInState>().canEnter).toBe(true);
  });

  it("answers 404 for another candidate's registration, on every route", async () => {
    for (const response of [
      await li.get(checkInUrl(zhangId)),
      await li.put(checkInUrl(zhangId, 'device'), deviceReport()),
      await li.post(checkInUrl(zhangId, 'face'), faceBody('match')),
      await li.post(checkInUrl(zhangId, 'face/continue')),
      await li.post(checkInUrl(zhangId, 'pledge'), { agree: true }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('offers 继续进入 only after the allowed attempts, then flags the step', async () => {
    await li.put(checkInUrl(liId, 'device'), deviceReport());
    const attempts = [
      faceBody('mismatch'),
      faceBody('no_face'),
      // The face matches, but the liveness challenge failed: still a failure, score kept.
      faceBody('match', false),
    ];
    for (const body of attempts) {
      test.clock.advance(5_000);
      expect((await li.post(checkInUrl(liId, 'face'), body)).statusCode).toBe(200);
    }
    const lastVerdict = (await state(li, liId)).steps.face;
    expect(lastVerdict).toMatchObject({
      state: 'pending',
      attempts: 3,
      lastVerdict: 'liveness_failed',
      score: 0.86,
    });
    const early = await li.post(checkInUrl(liId, 'face/continue'));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('FACE_RETRIES_LEFT');

    test.clock.advance(5_000);
    await li.post(checkInUrl(liId, 'face'), faceBody('mismatch'));
    const flagged = await li.post(checkInUrl(liId, 'face/continue'));
    expect(flagged.statusCode).toBe(200);
    expect(flagged.json<CheckInState>()).toMatchObject({
      currentStep: 'pledge',
      steps: { face: { state: 'flagged', attempts: 4, lastVerdict: 'mismatch' } },
    });
    // A later check is recorded but the flag stays for staff to review.
    await li.post(checkInUrl(liId, 'face'), faceBody('match'));
    expect((await state(li, liId)).steps.face.state).toBe('flagged');

    const admin = await loginStaff(test, 'admin');
    const audited = (await auditEntries(admin, 'check_in.face_flagged')).filter(
      (entry) => entry.targetId === liId,
    );
    expect(audited).toEqual([expect.objectContaining({ actorName: '李四' })]);
  });

  it('answers the network check: ping and a timed uplink', async () => {
    const ping = await zhang.get('/api/check-in/ping');
    expect(ping.json()).toEqual({ serverTime: test.clock.now().toISOString() });

    const upload = (bytes: number) =>
      test.app.inject({
        method: 'POST',
        url: '/api/check-in/uplink',
        headers: {
          cookie: `invigil_sid=${zhang.cookie('invigil_sid') ?? ''}; invigil_csrf=${zhang.cookie('invigil_csrf') ?? ''}`,
          'x-csrf-token': zhang.cookie('invigil_csrf') ?? '',
          'content-type': 'application/octet-stream',
        },
        payload: Buffer.alloc(bytes, 7),
      });
    const measured = await upload(256 * 1024);
    expect(measured.statusCode).toBe(200);
    expect(measured.json().bytes).toBe(256 * 1024);
    expect(measured.json().receiveMs).toBeGreaterThanOrEqual(0);
    const tooLarge = await upload(2 * 1024 * 1024 + 1);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('FILE_TOO_LARGE');
  });
});
