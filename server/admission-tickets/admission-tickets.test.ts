import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HOUR = 3600_000;

describe('准考证 and attendance of a candidate', () => {
  let test: TestApp;
  let zhang: TestClient;
  let li: TestClient;
  let wang: TestClient;
  let zhangInterview: string;
  let liInterview: string;
  let liWritten: string;
  let wangWritten: string;

  const ticketUrl = (id: string) => `/api/me/registrations/${id}/ticket`;
  const photoUrl = (id: string) => `/api/me/registrations/${id}/photo`;
  const attendanceUrl = (id: string) => `/api/me/registrations/${id}/attendance`;

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    li = await loginCandidate(test, 'INT2026', 'INT2026002');
    wang = await loginCandidate(test, 'WRT2026', 'WRT2026002');
    zhangInterview = await registrationIdOf(zhang, 'INT2026001');
    liInterview = await registrationIdOf(li, 'INT2026002');
    liWritten = await registrationIdOf(li, 'WRT2026001');
    wangWritten = await registrationIdOf(wang, 'WRT2026002');
  });
  afterAll(() => test.close());

  it('shows the ticket with a masked ID number and the rules that matter', async () => {
    const response = await zhang.get(ticketUrl(zhangInterview));
    expect(response.statusCode).toBe(200);
    const fullId = DEMO_CANDIDATES[0].idNumber;
    expect(response.body).not.toContain(fullId);
    const ticket = response.json();
    expect(ticket).toMatchObject({
      registrationId: zhangInterview,
      schoolName: '演示大学',
      examKind: 'interview',
      candidateName: '张三',
      admissionNumber: 'INT2026001',
      collegeName: '外国语学院',
      status: 'in_progress',
      attendance: 'pending',
      attendanceChangedAt: null,
      hasPhoto: true,
      maskedIdNumber: `${fullId.slice(0, 3)}${'*'.repeat(fullId.length - 7)}${fullId.slice(-4)}`,
    });
    expect(Object.keys(ticket.rules).sort()).toEqual([
      'durationMinutes',
      'minMinutesBeforeSubmit',
      'preEntryMinutes',
      'screenShareRequired',
      'secondCameraRequired',
    ]);
  });

  it('serves the own photo, and 404 when there is none', async () => {
    const response = await zhang.get(photoUrl(zhangInterview));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.rawPayload.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

    expect((await wang.get(ticketUrl(wangWritten))).json().hasPhoto).toBe(false);
    const none = await wang.get(photoUrl(wangWritten));
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('NOT_FOUND');
  });

  it("answers 404 for another candidate's registration, on every route", async () => {
    for (const response of [
      await li.get(ticketUrl(zhangInterview)),
      await li.get(photoUrl(zhangInterview)),
      await li.put(attendanceUrl(zhangInterview), { attendance: 'withdrawn' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect((await zhang.get(ticketUrl(zhangInterview))).json().attendance).toBe('pending');
  });

  it('refuses staff and anonymous callers', async () => {
    const staff = await loginStaff(test, 'admin');
    expect((await staff.get(ticketUrl(zhangInterview))).statusCode).toBe(403);
    expect((await staff.get(photoUrl(zhangInterview))).statusCode).toBe(403);
    const put = await staff.put(attendanceUrl(zhangInterview), { attendance: 'confirmed' });
    expect(put.statusCode).toBe(403);
    const anonymous = new TestClient(test.app);
    const photo = await anonymous.get(photoUrl(zhangInterview));
    expect(photo.statusCode).toBe(401);
    expect(photo.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('confirms, then withdraws for good, and audits both', async () => {
    const confirmed = await li.put(attendanceUrl(liWritten), { attendance: 'confirmed' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ attendance: 'confirmed' });
    expect(confirmed.json().attendanceChangedAt).toBe(test.clock.now().toISOString());

    const withdrawn = await li.put(attendanceUrl(liWritten), { attendance: 'withdrawn' });
    expect(withdrawn.json()).toMatchObject({ attendance: 'withdrawn' });
    const list = (await li.get('/api/me/registrations')).json<{
      items: { registrationId: string; attendance: string }[];
    }>();
    expect(list.items.find((item) => item.registrationId === liWritten)?.attendance).toBe(
      'withdrawn',
    );

    const again = await li.put(attendanceUrl(liWritten), { attendance: 'confirmed' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');

    const admin = await loginStaff(test, 'admin');
    const audit = (await admin.get('/api/admin/audit-log?action=registration.')).json<{
      items: { action: string; targetId: string; actorName: string }[];
    }>();
    expect(audit.items.filter((item) => item.targetId === liWritten)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'registration.confirmed', actorName: '李四' }),
        expect.objectContaining({ action: 'registration.withdrawn', actorName: '李四' }),
      ]),
    );
  });

  it('rejects a body that is not one of the two choices', async () => {
    const response = await li.put(attendanceUrl(liInterview), { attendance: 'pending' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('changes nothing once the session has ended', async () => {
    test.clock.advance(9 * HOUR);
    const ticket = (await zhang.get(ticketUrl(zhangInterview))).json();
    expect(ticket.status).toBe('ended');
    for (const attendance of ['confirmed', 'withdrawn']) {
      const response = await zhang.put(attendanceUrl(zhangInterview), { attendance });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('CONFLICT');
    }
    expect((await zhang.get(ticketUrl(zhangInterview))).json().attendance).toBe('pending');
  });
});
