import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffCheckInRow } from '../../shared/api/check-in.js';
import type { SubmitFaceStatus } from '../../shared/api/submit-face.js';
import type { AttemptView, MyAttempt } from '../../shared/api/written-exam.js';
import { fakeSnapshot, type FakeFace } from '../check-in/check-in-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { submitFaceStatus } from './submit-face.js';
import { checkedInWrittenCandidate, setWrittenRules, writtenExam } from './written-test-helpers.js';

// 交卷时人脸识别 (seed 004, issue 14 §3): 交卷 waits for a fresh match, or for every allowed photo
// to be used, when the attempt goes on flagged; the server decides each verdict.

const MINUTE = 60_000;

describe('the face check status at submit', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);

  it('opens 交卷 on a match of the last 10 minutes only', () => {
    expect(submitFaceStatus([{ verdict: 'match', createdAt: ago(9) }], 3, now)).toMatchObject({
      passed: true,
      canSubmit: true,
    });
    expect(submitFaceStatus([{ verdict: 'match', createdAt: ago(11) }], 3, now)).toMatchObject({
      passed: false,
      canSubmit: false,
      attemptsUsed: 1,
    });
  });

  it('lets a candidate whose photos are used up hand in, not passed', () => {
    const failed = [
      { verdict: 'mismatch' as const, createdAt: ago(1) },
      { verdict: 'no_face' as const, createdAt: ago(2) },
    ];
    expect(submitFaceStatus(failed, 2, now)).toEqual({
      attemptsUsed: 2,
      attemptsAllowed: 2,
      lastVerdict: 'mismatch',
      passed: false,
      canSubmit: true,
    });
  });
});

describe('交卷 with the face check, through the routes', () => {
  let test: TestApp;
  let startsAt: Date;
  let sessionId: string;

  const url = (registrationId: string, path = '') =>
    `/api/me/registrations/${registrationId}/attempt${path}`;
  const codeOf = (response: { json: () => unknown }) =>
    (response.json() as { error?: { code: string } }).error?.code;
  const at = (minutes: number) => test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE));
  const face = (client: TestClient, registrationId: string, kind: FakeFace) =>
    client.post(url(registrationId, '/face'), { image: fakeSnapshot(kind) });
  let wang: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    ({ startsAt, sessionId } = await writtenExam(test.database.db));
    // The demo asks for the face check at 交卷; this exam starts without it.
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    at(5);
  });
  afterAll(() => test.close());

  it('asks for nothing where the exam does not, and refuses a face check there', async () => {
    wang = await checkedInWrittenCandidate(test, 'WRT2026002');
    await wang.client.post(url(wang.registrationId, '/start'));
    const mine = (await wang.client.get(url(wang.registrationId))).json<MyAttempt>();
    expect(mine.attempt?.submitFace).toBeNull();
    expect(codeOf(await face(wang.client, wang.registrationId, 'match'))).toBe(
      'FACE_CHECK_AT_SUBMIT_OFF',
    );
    // The rule is the exam's as it is now: from here on 交卷 asks for the face check.
    // Two photos at submit (one retry); 交卷 from minute 30 as in the demo.
    await setWrittenRules(test, { faceCheckAtSubmit: true, faceCheckRetries: 1 });
  });

  it('refuses 交卷 until a check; a candidate with nothing to compare with then hands in', async () => {
    at(31);
    const refused = await wang.client.post(url(wang.registrationId, '/submit'));
    expect([refused.statusCode, codeOf(refused)]).toEqual([409, 'FACE_CHECK_AT_SUBMIT_REQUIRED']);
    // 王五 has no roster photo and no check-in face to compare with: nothing could be checked.
    const checked = await face(wang.client, wang.registrationId, 'match');
    expect(checked.json()).toMatchObject({
      result: { source: 'submit', verdict: 'no_reference' },
      status: { attemptsUsed: 1, attemptsAllowed: 2, passed: true, canSubmit: true },
    });
    const submitted = await wang.client.post(url(wang.registrationId, '/submit'));
    expect(submitted.json<AttemptView>()).toMatchObject({
      state: 'submitted',
      submitReason: 'manual',
    });
    expect(codeOf(await face(wang.client, wang.registrationId, 'match'))).toBe('ATTEMPT_CLOSED');
  });

  it('lets a candidate who never matches hand in once the photos are used, and shows staff', async () => {
    at(32);
    const li = await checkedInWrittenCandidate(test, 'WRT2026001');
    const started = await li.client.post(url(li.registrationId, '/start'));
    expect(started.json<AttemptView>().submitFace).toEqual({
      attemptsUsed: 0,
      attemptsAllowed: 2,
      lastVerdict: null,
      passed: false,
      canSubmit: false,
    });
    const first = await face(li.client, li.registrationId, 'mismatch');
    expect(first.json<{ status: SubmitFaceStatus }>().status).toMatchObject({
      attemptsUsed: 1,
      lastVerdict: 'mismatch',
      canSubmit: false,
    });
    const second = await face(li.client, li.registrationId, 'no_face');
    expect(second.json<{ status: SubmitFaceStatus }>().status).toMatchObject({
      passed: false,
      canSubmit: true,
    });
    expect(codeOf(await face(li.client, li.registrationId, 'match'))).toBe('FACE_CHECKS_EXHAUSTED');
    at(45);
    const submitted = await li.client.post(url(li.registrationId, '/submit'));
    expect(submitted.json<AttemptView>().state).toBe('submitted');

    const admin = await loginStaff(test, 'admin');
    const rows = (await admin.get(`/api/sessions/${sessionId}/check-ins`)).json<{
      items: StaffCheckInRow[];
    }>().items;
    const checks = rows.find((row) => row.registrationId === li.registrationId)?.faceChecks;
    expect(checks?.filter((check) => check.source === 'submit').map((c) => c.verdict)).toEqual([
      'no_face',
      'mismatch',
    ]);
  });
});
