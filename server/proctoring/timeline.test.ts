import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptTimeline } from '../../shared/api/attempt-timeline.js';
import type { AttemptView, MyAttempt } from '../../shared/api/written-exam.js';
import {
  appUser,
  attempt,
  attemptOutage,
  auditLog,
  faceCheck,
  school,
  storedFile,
} from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import {
  checkedInWrittenCandidate,
  seedWrittenPaper,
  setWrittenRules,
  writtenExam,
} from '../written-exam/written-test-helpers.js';

// The evidence timeline (issue 15 §3): the demo's proctor of WRT2026 (proctor1) reads what
// happened in 李四's attempt, in the server's order, and downloads it as an HTML report.

const MINUTE = 60_000;
const MARKUP = '<script>alert("x")</script>';

describe('作答时间线 (attempt timeline)', () => {
  let test: TestApp;
  let startsAt: Date;
  let li: Awaited<ReturnType<typeof checkedInWrittenCandidate>>;
  let proctor: TestClient;
  let admin: TestClient;

  const at = (minutes: number) => test.clock.set(new Date(startsAt.getTime() + minutes * MINUTE));
  const iso = (minutes: number) => new Date(startsAt.getTime() + minutes * MINUTE).toISOString();
  const timelineOf = (client: TestClient, registrationId = li.registrationId) =>
    client.get(`/api/registrations/${registrationId}/attempt/timeline`);
  const reportOf = (client: TestClient, registrationId = li.registrationId) =>
    client.get(`/api/registrations/${registrationId}/attempt/timeline/report`);
  const refusal = (response: { statusCode: number; json: () => unknown }) => ({
    status: response.statusCode,
    code: (response.json() as { error?: { code: string } }).error?.code,
  });
  const audits = (action: 'attempt.timeline_viewed' | 'attempt.timeline_report_downloaded') =>
    test.database.db
      .select({ actorId: auditLog.actorId, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, li.registrationId)));

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    await setWrittenRules(test, { faceCheckAtSubmit: false });
    ({ startsAt } = await writtenExam(test.database.db));
    await seedWrittenPaper(test.database.db);
    at(5);
    li = await checkedInWrittenCandidate(test, 'WRT2026001');
    const started = await li.client.post(
      `/api/me/registrations/${li.registrationId}/attempt/start`,
    );
    expect(started.json<AttemptView>().state).toBe('in_progress');
    proctor = await loginStaff(test, 'proctor1');
    admin = await loginStaff(test, 'admin');

    at(6);
    const pageTime = iso(4);
    const events = [
      { id: randomUUID(), type: 'page_hidden', at: pageTime },
      { id: randomUUID(), type: 'page_visible', at: pageTime },
      { id: randomUUID(), type: 'clipboard_paste', at: pageTime, detail: { blocked: true } },
      { id: randomUUID(), type: 'screen_extended', at: pageTime, detail: { note: MARKUP } },
    ];
    const sent = await li.client.post(`/api/me/registrations/${li.registrationId}/attempt/events`, {
      events,
    });
    expect(sent.statusCode).toBe(200);
    at(7);
    const warned = await proctor.post(`/api/registrations/${li.registrationId}/attempt/warnings`, {
      text: `${MARKUP} 请坐正`,
    });
    expect(warned.statusCode).toBe(200);
    at(8);
    const mine = await li.client.get(`/api/me/registrations/${li.registrationId}/attempt`);
    const warningId = mine.json<MyAttempt>().attempt?.warnings?.[0]?.id ?? '';
    const confirmed = await li.client.post(
      `/api/me/registrations/${li.registrationId}/attempt/warnings/${warningId}/confirm`,
    );
    expect(confirmed.statusCode).toBe(200);
    // An outage as the sweep closes one (outage.test.ts covers how it is detected).
    const [row] = await test.database.db
      .select({ id: attempt.id, schoolId: attempt.schoolId })
      .from(attempt)
      .where(eq(attempt.registrationId, li.registrationId));
    if (!row) throw new Error('no attempt');
    await test.database.db.insert(attemptOutage).values({
      attemptId: row.id,
      schoolId: row.schoolId,
      startedAt: new Date(iso(9)),
      endedAt: new Date(iso(10)),
      lostSeconds: 60,
      compensationMinutes: 0,
      outcome: 'not_allowed',
    });
    at(11);
    const added = await admin.post(
      `/api/admin/registrations/${li.registrationId}/attempt/extra-time`,
      {
        minutes: 10,
      },
    );
    expect(added.statusCode).toBe(200);
    // A face check before 交卷 as submit-face.ts stores one (submit-face.test.ts takes them).
    const [snapshot] = await test.database.db
      .insert(storedFile)
      .values({
        schoolId: row.schoolId,
        storageKey: 'test/submit-face.jpg',
        mimeType: 'image/jpeg',
        sizeBytes: 1,
        sha256: '0'.repeat(64),
      })
      .returning({ id: storedFile.id });
    await test.database.db.insert(faceCheck).values({
      schoolId: row.schoolId,
      registrationId: li.registrationId,
      source: 'submit',
      verdict: 'mismatch',
      score: 0.5,
      threshold: 0.6,
      snapshotFileId: snapshot?.id ?? '',
      createdAt: new Date(iso(11.5)),
    });
    at(12);
    const forced = await proctor.post(
      `/api/registrations/${li.registrationId}/attempt/force-submit`,
      {
        reason: '多次离开考试页面',
      },
    );
    expect(forced.statusCode).toBe(200);
    at(13);
  });
  afterAll(async () => {
    await test.close();
  });

  it('lists everything that happened on the server clock, oldest first, with who did it', async () => {
    const response = await timelineOf(proctor);
    expect(response.statusCode).toBe(200);
    const timeline = response.json<AttemptTimeline>();
    expect(timeline.candidate).toEqual({ name: '李四', admissionNumber: 'WRT2026001' });
    expect(timeline.attempt).toMatchObject({
      state: 'submitted',
      startedAt: iso(5),
      submittedAt: iso(12),
      submitReason: 'forced',
      extraMinutes: 10,
    });
    const rows = timeline.entries.map((entry) => [
      entry.at,
      entry.kind,
      entry.eventType ?? null,
      entry.isSignal,
      entry.actorName,
    ]);
    expect(rows).toEqual([
      [iso(5), 'attempt_started', null, false, '李四'],
      [iso(6), 'event', 'page_hidden', true, null],
      [iso(6), 'event', 'page_visible', false, null],
      [iso(6), 'event', 'clipboard_paste', true, null],
      [iso(6), 'event', 'screen_extended', true, null],
      [iso(7), 'warning_sent', null, false, '监考员 吴老师'],
      [iso(8), 'warning_confirmed', null, false, '李四'],
      [iso(9), 'outage_started', null, false, null],
      [iso(10), 'outage_ended', null, false, null],
      [iso(11), 'time_added', null, false, '学校管理员'],
      [iso(11.5), 'face_check', null, false, '李四'],
      [iso(12), 'submitted', null, false, '监考员 吴老师'],
    ]);
    const byKind = (kind: string) => timeline.entries.find((entry) => entry.kind === kind);
    // The page's clock is kept aside, never the order.
    expect(timeline.entries[1]?.clientAt).toBe(iso(4));
    expect(timeline.entries[3]?.detail).toEqual({ blocked: true });
    expect(byKind('warning_sent')?.detail).toEqual({ text: `${MARKUP} 请坐正` });
    expect(byKind('outage_ended')?.detail).toEqual({
      lostSeconds: 60,
      compensationMinutes: 0,
      outcome: 'not_allowed',
    });
    expect(byKind('time_added')?.detail).toEqual({ minutes: 10 });
    expect(byKind('face_check')?.detail).toEqual({ verdict: 'mismatch', score: 0.5 });
    expect(byKind('submitted')?.detail).toEqual({
      reason: 'forced',
      forcedReason: '多次离开考试页面',
    });
  });

  it('audits every view and every report, with who read it', async () => {
    const before = (await audits('attempt.timeline_viewed')).length;
    expect((await timelineOf(admin)).statusCode).toBe(200);
    const [proctorRow] = await test.database.db
      .select({ id: appUser.id })
      .from(appUser)
      .where(eq(appUser.username, 'proctor1'));
    const viewed = await audits('attempt.timeline_viewed');
    expect(viewed).toHaveLength(before + 1);
    expect(viewed[0]).toEqual({ actorId: proctorRow?.id, detail: 'WRT2026001' });
    expect(await audits('attempt.timeline_report_downloaded')).toHaveLength(0);
    expect((await reportOf(proctor)).statusCode).toBe(200);
    expect(await audits('attempt.timeline_report_downloaded')).toHaveLength(1);
  });

  it('downloads a standalone Chinese HTML report in which markup stays text', async () => {
    const response = await reportOf(proctor);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain('WRT2026001');
    const html = response.body;
    expect(html).toContain('作答时间线 · 李四（WRT2026001）');
    expect(html).toContain('监考强制交卷；原因：多次离开考试页面');
    expect(html).toContain('【异常】粘贴');
    expect(html).toContain('已阻止');
    expect(html).toContain('与照片不符；相似度 0.50');
    // The reminder and the page's own detail carry a script: both are shown, neither runs.
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 请坐正');
    expect(html).toContain('note: &lt;script&gt;');
  });

  it('refuses the candidate, staff who do not proctor the session, and another school', async () => {
    for (const response of [await timelineOf(li.client), await reportOf(li.client)]) {
      expect(refusal(response)).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
    const college = await loginStaff(test, 'fl_admin');
    expect(refusal(await timelineOf(college))).toEqual({ status: 404, code: 'NOT_FOUND' });
    // A second school seeded beside the first: its proctor and admin reach none of our rows.
    const { db } = test.database;
    await db.update(school).set({ slug: 'ours' }).where(eq(school.slug, 'demo'));
    await db
      .update(appUser)
      .set({ username: 'ours-platform' })
      .where(eq(appUser.role, 'platform_admin'));
    await seedDemoInto(test);
    for (const login of ['proctor1', 'admin']) {
      const rival = await loginStaff(test, login);
      expect(refusal(await timelineOf(rival))).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect(refusal(await reportOf(rival))).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
  });
});
