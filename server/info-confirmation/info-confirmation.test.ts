import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { auditEntries, loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { postponeWrittenSession } from '../written-exam/written-test-helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('确认信息, 身份信息有误 and 模拟考试 of a candidate', () => {
  let test: TestApp;
  let zhang: TestClient;
  let li: TestClient;
  let wang: TestClient;
  let zhangInterview: string;
  let liWritten: string;
  let wangWritten: string;

  const identityUrl = (id: string) => `/api/me/registrations/${id}/identity`;
  const confirmUrl = (id: string) => `/api/me/registrations/${id}/identity/confirm`;
  const reportUrl = (id: string) => `/api/me/registrations/${id}/identity/reports`;
  const mockUrl = (id: string) => `/api/me/registrations/${id}/mock-entries`;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    // The written exam tomorrow: its 模拟考试 is open until then.
    await postponeWrittenSession(test, 20);
    zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    li = await loginCandidate(test, 'WRT2026', 'WRT2026001');
    wang = await loginCandidate(test, 'WRT2026', 'WRT2026002');
    zhangInterview = await registrationIdOf(zhang, 'INT2026001');
    liWritten = await registrationIdOf(li, 'WRT2026001');
    wangWritten = await registrationIdOf(wang, 'WRT2026002');
  });
  afterAll(() => test.close());

  it('shows the roster data to check, with the ID number and phone masked', async () => {
    const response = await zhang.get(identityUrl(zhangInterview));
    expect(response.statusCode).toBe(200);
    const person = DEMO_CANDIDATES[0];
    expect(response.body).not.toContain(person.idNumber);
    expect(response.body).not.toContain(person.phone);
    expect(response.json()).toMatchObject({
      candidateName: '张三',
      maskedPhone: '138****0001',
      collegeName: '外国语学院',
      admissionNumber: 'INT2026001',
      hasPhoto: true,
      status: 'in_progress',
      identityConfirmedAt: null,
      latestReport: null,
    });
  });

  it('confirms once and keeps the first time when confirmed again', async () => {
    const first = await zhang.post(confirmUrl(zhangInterview));
    expect(first.statusCode).toBe(200);
    const confirmedAt = test.clock.now().toISOString();
    expect(first.json().identityConfirmedAt).toBe(confirmedAt);

    test.clock.advance(MINUTE);
    const again = await zhang.post(confirmUrl(zhangInterview));
    expect(again.statusCode).toBe(200);
    expect(again.json().identityConfirmedAt).toBe(confirmedAt);

    const list = (await zhang.get('/api/me/registrations')).json<{
      items: { registrationId: string; identityConfirmedAt: string | null }[];
    }>();
    const listed = list.items.find((item) => item.registrationId === zhangInterview);
    expect(listed?.identityConfirmedAt).toBe(confirmedAt);

    const admin = await loginStaff(test, 'admin');
    const audited = (await auditEntries(admin, 'registration.identity_confirmed')).filter(
      (entry) => entry.targetId === zhangInterview,
    );
    expect(audited).toEqual([
      expect.objectContaining({ action: 'registration.identity_confirmed', actorName: '张三' }),
    ]);
  });

  it("answers 404 for another candidate's registration, on every route", async () => {
    for (const response of [
      await li.get(identityUrl(zhangInterview)),
      await li.post(confirmUrl(zhangInterview)),
      await li.post(reportUrl(zhangInterview), { message: '姓名错了' }),
      await li.post(mockUrl(zhangInterview)),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    const own = (await zhang.get(identityUrl(zhangInterview))).json();
    expect(own.latestReport).toBeNull();
  });

  it('reports wrong data once; a second report replaces the open one', async () => {
    const first = await wang.post(reportUrl(wangWritten), { message: '  身份证号最后一位错了 ' });
    expect(first.statusCode).toBe(200);
    const report = first.json().latestReport;
    expect(report).toMatchObject({ state: 'open', message: '身份证号最后一位错了' });

    const second = await wang.post(reportUrl(wangWritten), { message: '身份证号最后一位应为X' });
    expect(second.json().latestReport).toMatchObject({
      id: report.id,
      state: 'open',
      message: '身份证号最后一位应为X',
    });

    for (const message of ['   ', 'x'.repeat(501)]) {
      const refused = await wang.post(reportUrl(wangWritten), { message });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    }
    const admin = await loginStaff(test, 'admin');
    const created = (await auditEntries(admin, 'roster_report.created')).filter(
      (entry) => entry.targetId === report.id,
    );
    expect(created).toHaveLength(2);
    expect(created.every((entry) => entry.actorName === '王五')).toBe(true);
  });

  it('keeps one open report when two arrive at the same moment', async () => {
    const mine = (await li.get('/api/me/registrations')).json();
    const interview = mine.items.find(
      (item: { admissionNumber: string }) => item.admissionNumber === 'INT2026002',
    );
    const sent = await Promise.all([
      li.post(reportUrl(interview.registrationId), { message: '手机号错了' }),
      li.post(reportUrl(interview.registrationId), { message: '姓名错了' }),
    ]);
    expect(sent.map((response) => response.statusCode)).toEqual([200, 200]);
    const admin = await loginStaff(test, 'admin');
    const open = (await admin.get('/api/admin/roster-reports?state=open')).json();
    expect(
      open.items.filter(
        (item: { admissionNumber: string }) => item.admissionNumber === 'INT2026002',
      ),
    ).toHaveLength(1);
  });

  it('counts every mock entry before the start, with the rules for the page', async () => {
    const first = await li.post(mockUrl(liWritten));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      count: 1,
      lastEnteredAt: test.clock.now().toISOString(),
      examKind: 'written',
      sessionName: '学位外语第一考场',
    });
    expect(first.json().rules).toHaveProperty('durationMinutes');

    test.clock.advance(MINUTE);
    const second = await li.post(mockUrl(liWritten));
    expect(second.json()).toMatchObject({
      count: 2,
      lastEnteredAt: test.clock.now().toISOString(),
    });
    const list = (await li.get('/api/me/registrations')).json<{
      items: { registrationId: string; mockEntryCount: number }[];
    }>();
    expect(list.items.find((item) => item.registrationId === liWritten)?.mockEntryCount).toBe(2);
  });

  it('closes the mock exam once the formal exam has started', async () => {
    const response = await zhang.post(mockUrl(zhangInterview));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('MOCK_EXAM_CLOSED');
  });

  it('refuses the mock exam after withdrawing', async () => {
    const withdrawn = await wang.put(`/api/me/registrations/${wangWritten}/attendance`, {
      attendance: 'withdrawn',
    });
    expect(withdrawn.statusCode).toBe(200);
    const response = await wang.post(mockUrl(wangWritten));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('MOCK_WITHDRAWN');
  });

  it('refuses mock entries and reports after the end', async () => {
    test.clock.advance(26 * HOUR);
    // Login sessions expire meanwhile; the candidates log in again.
    li = await loginCandidate(test, 'WRT2026', 'WRT2026001');
    zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    // A written exam's mock stays open into the session, until the candidate's formal attempt
    // starts (mock-attempt.test.ts), and closes when the session ends.
    const mock = await li.post(mockUrl(liWritten));
    expect(mock.statusCode).toBe(409);
    expect(mock.json().error.code).toBe('MOCK_EXAM_ENDED');
    const list = (await li.get('/api/me/registrations')).json<{
      items: { registrationId: string; mockEntryCount: number }[];
    }>();
    expect(list.items.find((item) => item.registrationId === liWritten)?.mockEntryCount).toBe(2);

    const report = await zhang.post(reportUrl(zhangInterview), { message: '姓名错了' });
    expect(report.statusCode).toBe(409);
    expect(report.json().error.code).toBe('CONFLICT');
    expect((await zhang.get(identityUrl(zhangInterview))).json()).toMatchObject({
      status: 'ended',
      latestReport: null,
    });
  });
});
