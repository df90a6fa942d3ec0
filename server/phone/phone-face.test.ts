import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceMatch, FaceMatcher } from '../check-in/face-matcher-port.js';
import { checkIn } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { pngWithComment } from '../vision/test-images.js';
import { claimedPhone, newPairingToken, readyCandidate } from './phone-test-helpers.js';

/** A whole (tiny) PNG: the face check decodes it before anything else. */
const PHOTO = pngWithComment('phone photo').toString('base64');
const FACE_BODY = { image: PHOTO };

/** Answers the next scripted verdict (mismatch when the script is empty). */
function scriptedMatcher(verdicts: FaceMatch['verdict'][]): FaceMatcher {
  return {
    describe: () => Promise.resolve(null),
    match: () => {
      const verdict = verdicts.shift() ?? 'mismatch';
      return Promise.resolve({
        verdict,
        score: verdict === 'match' ? 0.82 : 0.31,
        quality: { faces: 1, faceSizePx: 220, yawDegrees: 0, pitchDegrees: 0 },
        embedding: null,
      });
    },
  };
}

describe('拍照验证 and 进入考试监控 on the phone', () => {
  let test: TestApp;
  let zhang: TestClient;
  let registrationId: string;
  const verdicts: FaceMatch['verdict'][] = [];

  const phoneStep = async () => {
    const [row] = await test.database.db
      .select({ state: checkIn.phoneState, verdict: checkIn.phoneFaceVerdict })
      .from(checkIn)
      .where(eq(checkIn.registrationId, registrationId));
    return row;
  };
  const pairPhone = async () => claimedPhone(test, await newPairingToken(zhang, registrationId));
  const errorCode = (response: { json: () => { error: { code: string } } }) =>
    response.json().error.code;

  beforeAll(async () => {
    test = await createTestApp({ faceMatcher: scriptedMatcher(verdicts) });
    await seedDemoInto(test);
    ({ client: zhang, registrationId } = await readyCandidate(test));
  });
  afterAll(() => test.close());

  it('needs a verification photo before the camera starts', async () => {
    const phone = await pairPhone();
    const response = await phone.post('/api/phone/start');
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('STEP_OUT_OF_ORDER');
  });

  it('lets a failing phone go on, flagged, once the attempts are used up (docs/journeys.md J3)', async () => {
    const phone = await pairPhone();
    verdicts.push('mismatch', 'mismatch', 'mismatch', 'mismatch');
    const first = await phone.post('/api/phone/face', FACE_BODY);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      result: { source: 'phone', verdict: 'mismatch', liveness: null },
      session: { faceAttempts: 1, attemptsAllowed: 4, faceVerdict: 'mismatch' },
    });
    expect(errorCode(await phone.post('/api/phone/start'))).toBe('FACE_RETRIES_LEFT');

    for (let attempt = 2; attempt <= 4; attempt += 1) {
      test.clock.advance(1000);
      expect((await phone.post('/api/phone/face', FACE_BODY)).statusCode).toBe(200);
    }
    expect(errorCode(await phone.post('/api/phone/face', FACE_BODY))).toBe('CONFLICT');
    const started = await phone.post('/api/phone/start');
    expect(started.statusCode).toBe(200);
    expect(started.json().startedAt).toBe(test.clock.now().toISOString());
    expect(await phoneStep()).toEqual({ state: 'flagged', verdict: 'mismatch' });

    const admin = await loginStaff(test, 'admin');
    const audited = await auditEntries(admin, 'phone.face_checked');
    expect(audited).toHaveLength(4);
  });

  it('passes the phone step on a match, with fresh attempts for a newly paired phone', async () => {
    test.clock.advance(60_000);
    const phone = await pairPhone();
    expect((await phone.get('/api/phone/session')).json()).toMatchObject({
      faceAttempts: 0,
      faceVerdict: null,
      startedAt: null,
    });
    verdicts.push('match');
    const checked = await phone.post('/api/phone/face', FACE_BODY);
    expect(checked.json().session).toMatchObject({ faceVerdict: 'match', faceAttempts: 1 });
    expect((await phone.post('/api/phone/start')).statusCode).toBe(200);
    expect(await phoneStep()).toEqual({ state: 'passed', verdict: 'match' });
  });

  it('refuses a replaced phone', async () => {
    const replaced = await pairPhone();
    await pairPhone();
    const response = await replaced.post('/api/phone/face', FACE_BODY);
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe('PHONE_NOT_PAIRED');
  });
});
