import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptProgress } from '../../shared/api/attempt-progress.js';
import type { AttemptView, MyAttempt } from '../../shared/api/written-exam.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { checkedInWrittenCandidate, setWrittenRules, writtenExam } from './written-test-helpers.js';

// Staff watching a written session's attempts, and an admin giving one candidate more time
// (issue 14 §3, §6), on the demo's degree-English exam (24 questions, 120 minutes).

const MINUTE = 60_000;

describe("a written session's attempts, for staff", () => {
  let test: TestApp;
  let startsAt: Date;
  let endsAt: Date;
  let sessionId: string;
  let li: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let admin: TestClient;

  const progress = async (client: TestClient) => {
    const response = await client.get(`/api/sessions/${sessionId}/attempts`);
    return { status: response.statusCode, body: response.json<{ items: AttemptProgress[] }>() };
  };
  const addTime = (client: TestClient, minutes: number) =>
    client.post(`/api/admin/registrations/${li.registrationId}/attempt/extra-time`, { minutes });
  const code = (response: { json: () => unknown }) =>
    (response.json() as { error?: { code: string } }).error?.code;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    // 交卷 without the demo's face check: submit-face.test.ts covers it.
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    const written = await writtenExam(test.database.db);
    ({ startsAt, endsAt, sessionId } = written);
    test.clock.set(new Date(startsAt.getTime() + 5 * MINUTE));
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
    admin = await loginStaff(test, 'admin');
    const mine = (
      await li.client.get(`/api/me/registrations/${li.registrationId}/attempt`)
    ).json<MyAttempt>();
    expect(mine.hasPaper).toBe(true);
  });
  afterAll(() => test.close());

  it('shows who started, how many questions each answered, and who has not started', async () => {
    const view = (
      await li.client.post(`/api/me/registrations/${li.registrationId}/attempt/start`)
    ).json<AttemptView>();
    const [first, second] = view.sections.flatMap((section) => section.questions);
    const base = `/api/me/registrations/${li.registrationId}/attempt/answers`;
    await li.client.put(`${base}/${first?.paperQuestionId ?? ''}`, {
      answer: { type: 'single_choice', optionId: 'A' },
      seq: 1,
    });
    // A cleared answer is saved, but answers nothing.
    await li.client.put(`${base}/${second?.paperQuestionId ?? ''}`, {
      answer: { type: 'single_choice', optionId: null },
      seq: 1,
    });

    const proctor = await loginStaff(test, 'proctor1');
    const seen = await progress(proctor);
    expect(seen.status).toBe(200);
    const byNumber = new Map(seen.body.items.map((item) => [item.admissionNumber, item]));
    expect(byNumber.get('WRT2026001')).toMatchObject({
      candidateName: '李四',
      state: 'in_progress',
      answeredCount: 1,
      questionCount: 24,
      deadline: new Date(startsAt.getTime() + 120 * MINUTE).toISOString(),
      extraMinutes: 0,
      // The demo asks for the screen; this page has not shared it (attempt-events.test.ts).
      screenShared: false,
      pageHiddenCount: 0,
    });
    expect(byNumber.get('WRT2026001')?.signalCounts).toEqual({});
    expect(byNumber.get('WRT2026002')).toMatchObject({ state: 'not_started', deadline: null });
    // An examiner of the interview only, and a college admin of another college, see nothing.
    expect((await progress(await loginStaff(test, 'panel1'))).status).toBe(404);
    expect((await progress(await loginStaff(test, 'fl_admin'))).status).toBe(404);
  });

  it('moves the deadline by the time added, up to the session end, and tells the candidate', async () => {
    const added = await addTime(admin, 15);
    expect(added.statusCode).toBe(200);
    expect(added.json<AttemptProgress>()).toMatchObject({
      extraMinutes: 15,
      answeredCount: 1,
      deadline: new Date(startsAt.getTime() + 135 * MINUTE).toISOString(),
    });
    const mine = (
      await li.client.get(`/api/me/registrations/${li.registrationId}/attempt`)
    ).json<MyAttempt>();
    expect(mine.attempt?.deadline).toBe(new Date(startsAt.getTime() + 135 * MINUTE).toISOString());

    await addTime(admin, 240);
    const capped = await addTime(admin, 240);
    expect(capped.json<AttemptProgress>().deadline).toBe(endsAt.toISOString());
    const refused = await addTime(admin, 5);
    expect([refused.statusCode, code(refused)]).toEqual([409, 'EXTRA_TIME_BEYOND_SESSION']);
    expect((await addTime(await loginStaff(test, 'fl_admin'), 5)).statusCode).toBe(404);
    expect((await addTime(await loginStaff(test, 'proctor1'), 5)).statusCode).toBe(403);
  });

  it('adds no time once the paper is in, and shows how it was submitted', async () => {
    test.clock.set(new Date(startsAt.getTime() + 31 * MINUTE));
    const submitted = await li.client.post(
      `/api/me/registrations/${li.registrationId}/attempt/submit`,
    );
    expect(submitted.statusCode).toBe(200);
    const refused = await addTime(admin, 5);
    expect([refused.statusCode, code(refused)]).toEqual([409, 'ATTEMPT_CLOSED']);
    const row = (await progress(admin)).body.items.find(
      (item) => item.admissionNumber === 'WRT2026001',
    );
    expect(row).toMatchObject({ state: 'submitted', submitReason: 'manual' });
  });
});
