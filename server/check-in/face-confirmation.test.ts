import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInState, StaffCheckInRow } from '../../shared/api/check-in.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries, loginStaff } from '../test/demo-logins.js';
import { confirmedCandidate } from '../interviews/interview-test-helpers.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  FakeFaceMatcher,
  checkInUrl,
  deviceReport,
  faceBody,
  sessionIdNamed,
} from './check-in-test-helpers.js';

// 人工核验 (issue 13 §1): a miss of the face check costs a look, not the candidate's exam. Staff
// of the session put the snapshot beside the reference photo and confirm; the flag clears and the
// confirmed snapshot becomes the reference for the exam's re-checks.

describe('staff confirm a candidate’s identity by hand', () => {
  let test: TestApp;
  let matcher: FakeFaceMatcher;
  let sessionId: string;

  const confirmUrl = (registrationId: string) =>
    `/api/sessions/${sessionId}/registrations/${registrationId}/face/confirm`;

  beforeAll(async () => {
    matcher = new FakeFaceMatcher();
    test = await createTestApp({ faceMatcher: matcher });
    await seedDemoInto(test);
    sessionId = await sessionIdNamed(test, '外国语学院面试第一考场');
  });
  afterAll(() => test.close());

  async function flaggedCandidate(admissionNumber: string) {
    const candidate = await confirmedCandidate(test, admissionNumber);
    const { client, registrationId } = candidate;
    await client.put(checkInUrl(registrationId, 'device'), deviceReport());
    let snapshotId = '';
    for (let attempt = 0; attempt < 4; attempt++) {
      const checked = await client.post(checkInUrl(registrationId, 'face'), faceBody('mismatch'));
      snapshotId = checked.json<{ result: { id: string } }>().result.id;
    }
    const continued = await client.post(checkInUrl(registrationId, 'face/continue'));
    expect(continued.json<CheckInState>().steps.face.state).toBe('flagged');
    return { ...candidate, snapshotId };
  }

  it('passes a flagged face step, says when, audits who, and re-checks against that snapshot', async () => {
    const { client, registrationId, snapshotId } = await flaggedCandidate('INT2026001');
    const examiner = await loginStaff(test, 'waiting1');
    const confirmed = await examiner.post(confirmUrl(registrationId), { faceCheckId: snapshotId });
    expect(confirmed.statusCode).toBe(200);
    const row = confirmed.json<StaffCheckInRow>();
    expect(row.steps.face.state).toBe('passed');
    expect(row.steps.face.confirmedAt).toBe(test.clock.now().toISOString());

    const own = await client.get(checkInUrl(registrationId));
    expect(own.json<CheckInState>().steps.face).toMatchObject({
      state: 'passed',
      confirmedAt: test.clock.now().toISOString(),
    });
    const admin = await loginStaff(test, 'admin');
    const [entry] = await auditEntries(admin, 'check_in.face_confirmed');
    expect(entry).toMatchObject({ targetId: registrationId, actorName: '候考官 陈老师' });

    // The next face check compares with the confirmed snapshot's embedding, not the photo.
    matcher.references.length = 0;
    await client.post(checkInUrl(registrationId, 'face'), faceBody('match'));
    expect(matcher.references).toEqual([{ kind: 'embedding', embedding: [0.5, 0.5] }]);
  });

  it('refuses a snapshot of another candidate, and the candidate themself', async () => {
    const first = await flaggedCandidate('INT2026002');
    const second = await flaggedCandidate('INT2026003');
    const proctor = await loginStaff(test, 'proctor1');
    const foreign = await proctor.post(confirmUrl(first.registrationId), {
      faceCheckId: second.snapshotId,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');

    // Confirming one's own identity is staff work.
    const candidate = await first.client.post(confirmUrl(first.registrationId), {
      faceCheckId: first.snapshotId,
    });
    expect(candidate.statusCode).toBe(403);
    const unchanged = await first.client.get(checkInUrl(first.registrationId));
    expect(unchanged.json<CheckInState>().steps.face).toMatchObject({
      state: 'flagged',
      confirmedAt: null,
    });
  });

  it('validates the body with the shared schema', async () => {
    const { registrationId } = await flaggedCandidate('INT2026004');
    const examiner = await loginStaff(test, 'waiting1');
    const bad = await examiner.post(confirmUrl(registrationId), { faceCheckId: 'not-an-id' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });
});
