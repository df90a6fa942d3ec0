import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInState } from '../../shared/api/check-in.js';
import type { PhoneSession } from '../../shared/api/phone.js';
import { appUser } from '../db/schema/index.js';
import { confirmedCandidate } from '../interviews/interview-test-helpers.js';
import { claimedPhone, newPairingToken } from '../phone/phone-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  FakeFaceMatcher,
  checkInUrl,
  deviceReport,
  faceBody,
  fakeSnapshot,
} from './check-in-test-helpers.js';

// What a candidate is offered after a failed face check is the server's to say (issue 11/18:
// one rule, one place): how many tries are left, whether a retry can succeed, whether 继续进入
// is open. The PC and the phone show it without deciding anything themselves.

describe('Retries that can succeed, and 继续进入 when they cannot', () => {
  let test: TestApp;

  const faceOf = (state: CheckInState) => {
    const { attempts, attemptsLeft, canRetry, canContinue } = state.steps.face;
    return { attempts, attemptsLeft, canRetry, canContinue };
  };
  const withoutReferencePhoto = (name: string) =>
    test.database.db.update(appUser).set({ photoFileId: null }).where(eq(appUser.name, name));

  beforeAll(async () => {
    test = await createTestApp({ faceMatcher: new FakeFaceMatcher() });
    await seedDemoInto(test);
  });
  afterAll(() => test.close());

  it('says how many tries remain after a mismatch, and refuses 继续进入 while they may succeed', async () => {
    const { client, registrationId } = await confirmedCandidate(test, 'INT2026001');
    await client.put(checkInUrl(registrationId, 'device'), deviceReport());
    const checked = await client.post(checkInUrl(registrationId, 'face'), faceBody('mismatch'));
    expect(faceOf(checked.json<{ state: CheckInState }>().state)).toEqual({
      attempts: 1,
      attemptsLeft: 3,
      canRetry: true,
      canContinue: false,
    });
    const early = await client.post(checkInUrl(registrationId, 'face/continue'));
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { code: string } }>().error.code).toBe('FACE_RETRIES_LEFT');
  });

  it('offers 继续进入 beside 重试 once the liveness challenge failed twice, and flags the step', async () => {
    const { client, registrationId } = await confirmedCandidate(test, 'INT2026002');
    await client.put(checkInUrl(registrationId, 'device'), deviceReport());
    const first = await client.post(checkInUrl(registrationId, 'face'), faceBody('match', false));
    expect(faceOf(first.json<{ state: CheckInState }>().state)).toMatchObject({
      attemptsLeft: 3,
      canContinue: false,
    });
    test.clock.advance(13_000);
    const second = await client.post(checkInUrl(registrationId, 'face'), faceBody('match', false));
    expect(faceOf(second.json<{ state: CheckInState }>().state)).toEqual({
      attempts: 2,
      attemptsLeft: 2,
      canRetry: true,
      canContinue: true,
    });

    const continued = await client.post(checkInUrl(registrationId, 'face/continue'));
    expect(continued.statusCode).toBe(200);
    expect(continued.json<CheckInState>().steps.face).toMatchObject({
      state: 'flagged',
      canRetry: false,
      canContinue: false,
    });
  });

  it('offers no retry and 继续进入 at once without a reference photo, on the PC', async () => {
    await withoutReferencePhoto('王五');
    const { client, registrationId } = await confirmedCandidate(test, 'INT2026003');
    await client.put(checkInUrl(registrationId, 'device'), deviceReport());
    const checked = await client.post(checkInUrl(registrationId, 'face'), faceBody('match'));
    expect(checked.json<{ result: { verdict: string } }>().result.verdict).toBe('no_reference');
    expect(faceOf(checked.json<{ state: CheckInState }>().state)).toEqual({
      attempts: 1,
      attemptsLeft: 3,
      canRetry: false,
      canContinue: true,
    });
  });

  it('lets the phone go on after one photo without a reference photo, as the PC does', async () => {
    const { client, registrationId } = await confirmedCandidate(test, 'INT2026003');
    const phone = await claimedPhone(test, await newPairingToken(client, registrationId));
    const photo = await phone.post('/api/phone/face', { image: fakeSnapshot('match') });
    expect(photo.statusCode).toBe(200);
    const session = photo.json<{ session: PhoneSession }>().session;
    expect(session).toMatchObject({
      faceVerdict: 'no_reference',
      faceAttempts: 1,
      attemptsLeft: 3,
      canRetry: false,
      canContinue: true,
    });
    const started = await phone.post('/api/phone/start');
    expect(started.statusCode).toBe(200);
    expect(started.json<PhoneSession>().startedAt).not.toBeNull();
  });

  it('refuses the attempt after the last one the exam allows, and keeps the count the server kept', async () => {
    // The demo interview allows 1 + 3 retries.
    const { client, registrationId } = await confirmedCandidate(test, 'INT2026004');
    await client.put(checkInUrl(registrationId, 'device'), deviceReport());
    for (let attempt = 1; attempt <= 4; attempt++) {
      const checked = await client.post(checkInUrl(registrationId, 'face'), faceBody('mismatch'));
      expect(checked.statusCode).toBe(200);
      expect(faceOf(checked.json<{ state: CheckInState }>().state).attemptsLeft).toBe(4 - attempt);
    }
    const fifth = await client.post(checkInUrl(registrationId, 'face'), faceBody('match'));
    expect(fifth.statusCode).toBe(409);
    expect(fifth.json<{ error: { code: string } }>().error.code).toBe('FACE_ATTEMPTS_USED_UP');
    const state = await client.get(checkInUrl(registrationId, ''));
    expect(faceOf(state.json<CheckInState>())).toEqual({
      attempts: 4,
      attemptsLeft: 0,
      canRetry: false,
      canContinue: true,
    });
    expect(state.json<CheckInState>().steps.face.state).toBe('pending');
  });

  it('does not count a picture it could not read as an attempt', async () => {
    const { client, registrationId } = await confirmedCandidate(test, 'INT2026005');
    await client.put(checkInUrl(registrationId, 'device'), deviceReport());
    const unreadable = await client.post(checkInUrl(registrationId, 'face'), {
      ...faceBody('match'),
      image: Buffer.from('not a picture').toString('base64'),
    });
    expect(unreadable.statusCode).toBe(400);
    const state = await client.get(checkInUrl(registrationId, ''));
    expect(faceOf(state.json<CheckInState>()).attempts).toBe(0);
  });
});
