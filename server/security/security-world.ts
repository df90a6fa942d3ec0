import { and, eq, inArray } from 'drizzle-orm';
import type { MatrixCaller } from '../../shared/api/contract.js';
import { deviceReport, faceBody, FakeFaceMatcher } from '../check-in/check-in-test-helpers.js';
import {
  appUser,
  candidateDocument,
  college,
  exam,
  examSession,
  faceCheck,
  registration,
  rosterReport,
  school,
  staffAssignment,
} from '../db/schema/index.js';
import { tinyPng } from '../documents/test-files.js';
import { WRITTEN_RULES } from '../demo/demo-data.js';
import { DEMO_CANDIDATES, DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { Caller } from './caller.js';
import { SAMPLE_QUESTION } from './request-samples.js';
import { markingRows } from './security-world-marking.js';
import { questionImageRows } from './security-world-question-images.js';
import { answerFileRows } from './security-world-answer-files.js';
import { evidenceRows } from './security-world-evidence.js';
import { mockAttemptOf } from './security-world-mock.js';
import type { CandidateRows, SchoolRows } from './security-world-ids.js';

/** The callers with an account in a school (platform admins belong to none). */
export type SchoolCaller = Exclude<MatrixCaller, 'anonymous' | 'platform_admin' | 'phone'>;

/** The two schools, a caller of every kind, and what each caller does not reach. */
export interface SecurityWorld {
  test: TestApp;
  /** The school under attack ('demo'), and the attackers' own ('rival'). */
  own: SchoolRows;
  rival: SchoolRows;
  /** Callers of the demo school, anonymous, the platform admin and 张三's paired phone. */
  callers: Record<MatrixCaller, Caller>;
  /** The same roles in the rival school. */
  rivalCallers: Record<SchoolCaller, Caller>;
  /** 王五 logged in with the initial password: must change it before anything else. */
  pendingPassword: Caller;
  /** Log in again as this caller (for a route that would end the shared session). */
  freshCaller(caller: MatrixCaller): Promise<Caller>;
}

const STAFF_LOGINS: Record<Exclude<SchoolCaller, 'candidate'>, string> = {
  examiner: 'panel1',
  proctor: 'proctor1',
  college_admin: 'fl_admin',
  school_admin: 'admin',
};

async function login(test: TestApp, label: string, path: string, body: object): Promise<Caller> {
  const caller = new Caller(test.app, label);
  await caller.ok({ method: 'POST', url: path, json: body });
  return caller;
}

function staffLogin(test: TestApp, slug: string | null, username: string): Promise<Caller> {
  return login(test, `${slug ?? 'platform'}:${username}`, '/api/auth/login/staff', {
    ...(slug ? { schoolSlug: slug } : {}),
    login: username,
    password: DEMO_STAFF_PASSWORD,
  });
}

function candidateLogin(test: TestApp, slug: string, examCode: string, admission: string) {
  return login(test, `${slug}:${admission}`, '/api/auth/login/admission', {
    schoolSlug: slug,
    examCode,
    admissionNumber: admission,
  });
}

/** A candidate's registration made ready for check-in, with a face check, a document, a report. */
async function candidateRows(
  test: TestApp,
  schoolId: string,
  candidate: Caller,
  admissionNumber: string,
): Promise<CandidateRows> {
  const { db } = test.database;
  const [row] = await db
    .select({ id: registration.id, userId: registration.userId })
    .from(registration)
    .where(
      and(eq(registration.schoolId, schoolId), eq(registration.admissionNumber, admissionNumber)),
    );
  if (!row) throw new Error(`no registration ${admissionNumber}`);
  const base = `/api/me/registrations/${row.id}`;
  await candidate.ok({
    method: 'PUT',
    url: `${base}/attendance`,
    json: { attendance: 'confirmed' },
  });
  await candidate.ok({ method: 'POST', url: `${base}/identity/confirm`, json: {} });
  await candidate.ok({
    method: 'POST',
    url: `${base}/identity/reports`,
    json: { message: '姓名拼写有误' },
  });
  await candidate.ok({ method: 'PUT', url: `${base}/check-in/device`, json: deviceReport() });
  await candidate.ok({ method: 'POST', url: `${base}/check-in/face`, json: faceBody('match') });
  await candidate.ok({
    method: 'POST',
    url: '/api/me/documents?name=photo.png',
    raw: { payload: tinyPng(), contentType: 'application/octet-stream' },
  });
  const [document] = await db
    .select({ id: candidateDocument.id })
    .from(candidateDocument)
    .where(eq(candidateDocument.userId, row.userId));
  const [report] = await db
    .select({ id: rosterReport.id })
    .from(rosterReport)
    .where(eq(rosterReport.registrationId, row.id));
  const [check] = await db
    .select({ id: faceCheck.id })
    .from(faceCheck)
    .where(eq(faceCheck.registrationId, row.id));
  if (!document || !report || !check) throw new Error(`rows of ${admissionNumber} missing`);
  return {
    userId: row.userId,
    registrationId: row.id,
    documentId: document.id,
    reportId: report.id,
    faceCheckId: check.id,
    mockAttemptId: await mockAttemptOf(test, row.id),
  };
}

async function idOf<T extends { id: string }>(rows: Promise<T[]>, what: string): Promise<string> {
  const [row] = await rows;
  if (!row) throw new Error(`no ${what}`);
  return row.id;
}

/** The school's rows, made through the API as its candidates and admin would. */
async function schoolRows(test: TestApp, slug: string): Promise<SchoolRows> {
  const { db } = test.database;
  const schoolId = await idOf(db.select().from(school).where(eq(school.slug, slug)), slug);
  const inSchool = <T extends { id: string }>(rows: Promise<T[]>, what: string) =>
    idOf(rows, `${slug} ${what}`);
  const collegeNamed = (name: string) =>
    inSchool(
      db
        .select({ id: college.id })
        .from(college)
        .where(and(eq(college.schoolId, schoolId), eq(college.name, name))),
      name,
    );
  const examCoded = (code: string) =>
    inSchool(
      db
        .select({ id: exam.id })
        .from(exam)
        .where(and(eq(exam.schoolId, schoolId), eq(exam.code, code))),
      code,
    );
  const sessionOf = (examId: string) =>
    inSchool(
      db.select({ id: examSession.id }).from(examSession).where(eq(examSession.examId, examId)),
      'session',
    );
  const userNamed = (username: string) =>
    inSchool(
      db
        .select({ id: appUser.id })
        .from(appUser)
        .where(and(eq(appUser.schoolId, schoolId), eq(appUser.username, username))),
      username,
    );
  const interviewExamId = await examCoded('INT2026');
  const writtenExamId = await examCoded('WRT2026');
  const collegeId = await collegeNamed('外国语学院');
  const csCollegeId = await collegeNamed('计算机学院');

  const zhang = await candidateRows(
    test,
    schoolId,
    await candidateLogin(test, slug, 'INT2026', 'INT2026001'),
    'INT2026001',
  );
  const li = await candidateRows(
    test,
    schoolId,
    await candidateLogin(test, slug, 'INT2026', 'INT2026002'),
    'INT2026002',
  );
  // The written session opens tomorrow: 王五 checks in then, and the clock comes back.
  const writtenSessionId = await sessionOf(writtenExamId);
  const [written] = await db
    .select({ startsAt: examSession.startsAt })
    .from(examSession)
    .where(eq(examSession.id, writtenSessionId));
  if (!written) throw new Error('no written session');
  const today = test.clock.now();
  test.clock.set(new Date(written.startsAt.getTime() - 10 * 60_000));
  const wang = await candidateRows(
    test,
    schoolId,
    await candidateLogin(test, slug, 'WRT2026', 'WRT2026002'),
    'WRT2026002',
  );
  test.clock.set(today);

  const admin = await staffLogin(test, slug, 'admin');
  const announce = async (collegeOf: string) => {
    const response = await admin.ok({
      method: 'POST',
      url: '/api/admin/announcements',
      json: {
        title: '考试须知',
        bodyHtml: '<p>请提前进入候考区</p>',
        collegeId: collegeOf,
        published: true,
      },
    });
    return response.json<{ id: string }>().id;
  };
  const bankRow = async (kind: 'questions' | 'passages', collegeOf: string) => {
    const json =
      kind === 'passages'
        ? { title: '阅读材料', text: 'A reading passage.', collegeId: collegeOf }
        : { content: SAMPLE_QUESTION, defaultPoints: 2, collegeId: collegeOf };
    const response = await admin.ok({
      method: 'POST',
      url: `/api/admin/question-bank/${kind}`,
      json,
    });
    return response.json<{ id: string }>().id;
  };
  const flWritten = await admin.ok({
    method: 'POST',
    url: '/api/admin/exams',
    json: {
      code: 'FLWRT',
      name: '外国语学院笔试',
      kind: 'written',
      collegeId,
      rules: WRITTEN_RULES,
    },
  });
  const flWrittenExamId = flWritten.json<{ id: string }>().id;
  const marking = await markingRows(test, admin, { collegeId, flWrittenExamId, writtenExamId });
  const interviewSessionId = await sessionOf(interviewExamId);
  return {
    flWrittenExamId,
    ...marking,
    ...(await answerFileRows(test, {
      schoolId,
      flPaperQuestionId: marking.flPaperQuestionId,
      zhang: { registrationId: zhang.registrationId, sessionId: interviewSessionId },
      liMockAttemptId: li.mockAttemptId,
      wangMockAttemptId: wang.mockAttemptId,
    })),
    ...(await evidenceRows(test, { schoolId, zhangRegistrationId: zhang.registrationId })),
    ...(await questionImageRows(test, {
      schoolId,
      collegeId,
      csCollegeId,
      mockAttemptId: zhang.mockAttemptId,
      flPaperQuestionId: marking.flPaperQuestionId,
    })),
    schoolId,
    slug,
    collegeId,
    csCollegeId,
    interviewExamId,
    writtenExamId,
    interviewSessionId,
    writtenSessionId,
    zhang,
    li,
    wang,
    staffId: await userNamed('panel2'),
    proctorId: await userNamed('proctor1'),
    flAnnouncementId: await announce(collegeId),
    csAnnouncementId: await announce(csCollegeId),
    flQuestionId: await bankRow('questions', collegeId),
    csQuestionId: await bankRow('questions', csCollegeId),
    flPassageId: await bankRow('passages', collegeId),
    csPassageId: await bankRow('passages', csCollegeId),
  };
}

async function schoolCallers(test: TestApp, slug: string): Promise<Record<SchoolCaller, Caller>> {
  return {
    candidate: await candidateLogin(test, slug, 'INT2026', 'INT2026001'),
    examiner: await staffLogin(test, slug, STAFF_LOGINS.examiner),
    proctor: await staffLogin(test, slug, STAFF_LOGINS.proctor),
    college_admin: await staffLogin(test, slug, STAFF_LOGINS.college_admin),
    school_admin: await staffLogin(test, slug, STAFF_LOGINS.school_admin),
  };
}

async function pairedPhone(test: TestApp, candidate: Caller, registrationId: string) {
  const pairing = await candidate.ok({
    method: 'POST',
    url: `/api/me/registrations/${registrationId}/check-in/phone/pairing`,
    json: {},
  });
  const phone = new Caller(test.app, 'phone');
  await phone.ok({
    method: 'POST',
    url: '/api/phone/claim',
    json: { token: pairing.json<{ token: string }>().token },
  });
  return phone;
}

/**
 * Two schools seeded by the demo seed (the first renamed 'rival' before the second is seeded),
 * with documents, reports, face checks and announcements in each, and a caller of every kind.
 * The demo seed assigns 监考员 吴老师 to both sessions; here the written one is left unassigned
 * so it is out of his reach.
 */
export async function buildSecurityWorld(): Promise<SecurityWorld> {
  const test = await createTestApp({ faceMatcher: new FakeFaceMatcher() });
  const { db } = test.database;
  await seedDemoInto(test);
  await db.update(school).set({ slug: 'rival', name: '对手大学' }).where(eq(school.slug, 'demo'));
  await db
    .update(appUser)
    .set({ username: 'rival-platform' })
    .where(eq(appUser.role, 'platform_admin'));
  await seedDemoInto(test);

  const rival = await schoolRows(test, 'rival');
  const own = await schoolRows(test, 'demo');
  for (const rows of [own, rival]) {
    await db
      .delete(staffAssignment)
      .where(
        and(
          eq(staffAssignment.sessionId, rows.writtenSessionId),
          inArray(staffAssignment.userId, [rows.proctorId]),
        ),
      );
  }

  const ownCallers = await schoolCallers(test, 'demo');
  const fresh = async (caller: MatrixCaller): Promise<Caller> => {
    switch (caller) {
      case 'anonymous':
        return new Caller(test.app, 'anonymous');
      case 'platform_admin':
        return staffLogin(test, null, 'platform');
      case 'phone':
        return pairedPhone(test, ownCallers.candidate, own.zhang.registrationId);
      case 'candidate':
        return candidateLogin(test, 'demo', 'INT2026', 'INT2026001');
      case 'examiner':
      case 'proctor':
      case 'college_admin':
      case 'school_admin':
        return staffLogin(test, 'demo', STAFF_LOGINS[caller]);
    }
  };
  const wang = DEMO_CANDIDATES[2];
  return {
    test,
    own,
    rival,
    callers: {
      ...ownCallers,
      anonymous: await fresh('anonymous'),
      platform_admin: await fresh('platform_admin'),
      phone: await fresh('phone'),
    },
    rivalCallers: await schoolCallers(test, 'rival'),
    pendingPassword: await login(test, 'pending', '/api/auth/login/id-number', {
      schoolSlug: 'demo',
      idNumber: wang.idNumber,
      password: wang.idNumber.slice(-6),
    }),
    freshCaller: fresh,
  };
}
