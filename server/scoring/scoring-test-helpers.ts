import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { StaffDuty } from '../../shared/enums.js';
import {
  appUser,
  exam,
  examSession,
  registration,
  scoringForm,
  staffAssignment,
  waitingTicket,
} from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { loginStaff } from '../test/demo-logins.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

/** The demo's ids the scoring tests need (test helper). */
export interface ScoringIds {
  schoolId: string;
  interviewExamId: string;
  writtenExamId: string;
  interviewSessionId: string;
  writtenSessionId: string;
  /** Registration id by admission number. */
  registrations: Record<string, string>;
  userIdOf: (username: string) => Promise<string>;
}

export async function scoringTestApp(): Promise<{ test: TestApp; ids: ScoringIds }> {
  const test = await createTestApp();
  await seedDemoInto(test);
  const { db } = test.database;
  // These tests set their own forms; the demo's 评分表 is covered by the seed's test.
  await db.delete(scoringForm);
  const exams = await db.select().from(exam);
  const interview = exams.find((row) => row.code === 'INT2026');
  const written = exams.find((row) => row.code === 'WRT2026');
  if (!interview || !written) throw new Error('demo exams missing');
  const sessions = await db.select().from(examSession);
  const sessionOf = (examId: string) => {
    const found = sessions.find((row) => row.examId === examId);
    if (!found) throw new Error('demo session missing');
    return found.id;
  };
  const registrations = Object.fromEntries(
    (await db.select().from(registration)).map((row) => [row.admissionNumber, row.id]),
  );
  const userIdOf = async (username: string) => {
    const [row] = await db.select().from(appUser).where(eq(appUser.username, username));
    if (!row) throw new Error(`no user ${username}`);
    return row.id;
  };
  return {
    test,
    ids: {
      schoolId: interview.schoolId,
      interviewExamId: interview.id,
      writtenExamId: written.id,
      interviewSessionId: sessionOf(interview.id),
      writtenSessionId: sessionOf(written.id),
      registrations,
      userIdOf,
    },
  };
}

/** A new examiner of the 外国语学院, logged in with a changed password (test helper). */
export async function createExaminer(
  test: TestApp,
  admin: TestClient,
  username: string,
): Promise<{ client: TestClient; id: string }> {
  const created = await admin.post('/api/admin/staff', {
    name: `考官 ${username}`,
    username,
    role: 'examiner',
  });
  expect(created.statusCode).toBe(200);
  const { staff, temporaryPassword } = created.json<{
    staff: { id: string };
    temporaryPassword: string;
  }>();
  const client = new TestClient(test.app);
  const login = await client.post('/api/auth/login/staff', {
    schoolSlug: 'demo',
    login: username,
    password: temporaryPassword,
  });
  expect(login.statusCode).toBe(200);
  const changed = await client.post('/api/auth/password/change', {
    currentPassword: temporaryPassword,
    newPassword: 'Examiner2026',
  });
  expect(changed.statusCode).toBe(200);
  return { client, id: staff.id };
}

/** Puts a staff member on a session's staff directly (test helper). */
export async function assignDuty(
  test: TestApp,
  ids: ScoringIds,
  sessionId: string,
  userId: string,
  duty: StaffDuty,
): Promise<void> {
  await test.database.db
    .insert(staffAssignment)
    .values({ schoolId: ids.schoolId, sessionId, userId, duty })
    .onConflictDoNothing();
}

export { loginStaff };

/** A valid scoring form of three criteria worth 100 points in all (test helper). */
export function threeCriteria(overrides: Record<string, unknown> = {}) {
  return {
    criteria: [
      { name: '内容', maxPoints: 40, description: '观点与论证' },
      { name: '语言', maxPoints: 40 },
      { name: '仪态', maxPoints: 20 },
    ],
    commentRequired: true,
    aggregation: 'mean',
    ...overrides,
  };
}

/** A candidate whose interview took place (a `done` ticket written directly; test helper). */
export async function markInterviewed(test: TestApp, registrationId: string): Promise<void> {
  const { db } = test.database;
  const [row] = await db.select().from(registration).where(eq(registration.id, registrationId));
  if (!row) throw new Error('no registration');
  const now = test.clock.now();
  await db.insert(waitingTicket).values({
    registrationId,
    schoolId: row.schoolId,
    sessionId: row.sessionId,
    state: 'done',
    arrivedAt: now,
    interviewStartedAt: now,
    interviewEndedAt: now,
    updatedAt: now,
  });
}
