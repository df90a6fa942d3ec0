import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffCheckInRow } from '../../shared/api/check-in.js';
import { appUser, college, exam, staffAssignment } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginCandidate, loginStaff, registrationIdOf } from '../test/demo-logins.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import {
  FakeFaceMatcher,
  checkInUrl,
  confirmForCheckIn,
  deviceReport,
  faceBody,
  sessionIdNamed,
} from './check-in-test-helpers.js';

describe('the staff view of a session’s check-ins', () => {
  let test: TestApp;
  let zhang: TestClient;
  let li: TestClient;
  let zhangId: string;
  let interviewId: string;
  let writtenId: string;
  let snapshotId: string;

  const listUrl = (sessionId: string) => `/api/sessions/${sessionId}/check-ins`;
  const snapshotUrl = (id: string) => `/api/face-checks/${id}/snapshot`;
  const referenceUrl = (sessionId: string, registrationId: string) =>
    `/api/sessions/${sessionId}/registrations/${registrationId}/reference-photo`;

  beforeAll(async () => {
    test = await createTestApp({ faceMatcher: new FakeFaceMatcher() });
    await seedDemoInto(test);
    zhang = await loginCandidate(test, 'INT2026', 'INT2026001');
    li = await loginCandidate(test, 'INT2026', 'INT2026002');
    zhangId = await registrationIdOf(zhang, 'INT2026001');
    await confirmForCheckIn(zhang, zhangId);
    await zhang.put(checkInUrl(zhangId, 'device'), deviceReport());
    const checked = await zhang.post(checkInUrl(zhangId, 'face'), faceBody('match'));
    snapshotId = checked.json<{ result: { id: string } }>().result.id;
    interviewId = await sessionIdNamed(test, '外国语学院面试第一考场');
    writtenId = await sessionIdNamed(test, '学位外语第一考场');
    // The written exam belongs to another college than the college admin's.
    const [cs] = await test.database.db
      .select({ id: college.id })
      .from(college)
      .where(eq(college.name, '计算机学院'));
    await test.database.db
      .update(exam)
      .set({ collegeId: cs?.id ?? null })
      .where(eq(exam.code, 'WRT2026'));
  });
  afterAll(() => test.close());

  it('lists every candidate with steps, face checks, device report and phone', async () => {
    const waiting = await loginStaff(test, 'waiting1');
    const response = await waiting.get(listUrl(interviewId));
    expect(response.statusCode).toBe(200);
    const body = response.json<{ sessionName: string; items: StaffCheckInRow[] }>();
    expect(body.sessionName).toBe('外国语学院面试第一考场');
    expect(body.items.map((row) => row.admissionNumber)).toEqual([
      'INT2026001',
      'INT2026002',
      'INT2026003',
      'INT2026004',
      'INT2026005',
    ]);
    const [zhangRow, liRow] = body.items;
    expect(zhangRow).toMatchObject({
      candidateName: '张三',
      hasReferencePhoto: true,
      currentStep: 'pledge',
      steps: {
        device: { state: 'passed', report: { camera: { width: 1280, frameRate: 30 } } },
        face: { state: 'passed', score: 0.86, lastVerdict: 'match' },
        phone: { state: 'pending', connection: 'unpaired' },
      },
      faceChecks: [{ id: snapshotId, verdict: 'match', source: 'check_in' }],
    });
    expect(liRow).toMatchObject({
      candidateName: '李四',
      currentStep: 'device',
      steps: { device: { state: 'pending', report: null } },
      faceChecks: [],
    });
  });

  it('is seen by the session’s staff and the admins who manage the exam, nobody else', async () => {
    const visible = { admin: 200, fl_admin: 200, proctor1: 200, panel1: 200 };
    for (const [login, status] of Object.entries(visible)) {
      const client = await loginStaff(test, login);
      expect((await client.get(listUrl(interviewId))).statusCode, login).toBe(status);
    }
    const waiting = await loginStaff(test, 'waiting1');
    const flAdmin = await loginStaff(test, 'fl_admin');
    for (const response of [
      await waiting.get(listUrl(writtenId)),
      await flAdmin.get(listUrl(writtenId)),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect((await zhang.get(listUrl(interviewId))).statusCode).toBe(403);
  });

  it('serves a snapshot to its candidate and the session’s staff only', async () => {
    const own = await zhang.get(snapshotUrl(snapshotId));
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect(own.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');

    const waiting = await loginStaff(test, 'waiting1');
    expect((await waiting.get(snapshotUrl(snapshotId))).statusCode).toBe(200);
    expect((await li.get(snapshotUrl(snapshotId))).statusCode).toBe(404);
    expect((await new TestClientless(test).get(snapshotUrl(snapshotId))).statusCode).toBe(401);
  });

  it('serves the reference photo to staff of the session', async () => {
    const waiting = await loginStaff(test, 'waiting1');
    const photo = await waiting.get(referenceUrl(interviewId, zhangId));
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');

    const admin = await loginStaff(test, 'admin');
    expect((await admin.get(referenceUrl(writtenId, zhangId))).statusCode).toBe(404);
    expect((await zhang.get(referenceUrl(interviewId, zhangId))).statusCode).toBe(403);
  });

  it('hides everything from an examiner once unassigned from the session', async () => {
    const [waitingUser] = await test.database.db
      .select({ id: appUser.id })
      .from(appUser)
      .where(eq(appUser.username, 'waiting1'));
    await test.database.db
      .delete(staffAssignment)
      .where(
        and(
          eq(staffAssignment.sessionId, interviewId),
          eq(staffAssignment.userId, waitingUser?.id ?? ''),
        ),
      );
    const waiting = await loginStaff(test, 'waiting1');
    for (const url of [
      listUrl(interviewId),
      snapshotUrl(snapshotId),
      referenceUrl(interviewId, zhangId),
    ]) {
      expect((await waiting.get(url)).statusCode, url).toBe(404);
    }
  });
});

/** A client with no login at all. */
class TestClientless {
  constructor(private readonly test: TestApp) {}
  get(url: string) {
    return this.test.app.inject({ method: 'GET', url });
  }
}
