import type { StaffDuty } from '../../shared/enums.js';
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { findExamWithCollege } from '../exams/admin-repo.js';
import {
  appUser,
  candidateDocument,
  college,
  exam,
  examSession,
  documentReview,
  registration,
  staffAssignment,
} from '../db/schema/index.js';
import { generateAdmissionNumber } from './admission-numbers.js';
import type { RosterLookups, RosterRecord } from './validate-rows.js';

/** Rows per multi-row statement: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1_000;

type Executor = Pick<Database, 'select' | 'insert' | 'execute'>;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** Counts of an import, per registration. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Candidates, registrations and rosters of an exam: SQL only. */
export class RosterRepo {
  constructor(private readonly db: Database) {}

  findExam(examId: string) {
    return findExamWithCollege(this.db, examId);
  }

  sessionsOf(examId: string) {
    return this.db
      .select({ id: examSession.id, name: examSession.name })
      .from(examSession)
      .where(eq(examSession.examId, examId))
      .orderBy(asc(examSession.startsAt), asc(examSession.name));
  }

  enabledColleges(schoolId: string) {
    return this.db
      .select({ id: college.id, name: college.name, nameEn: college.nameEn })
      .from(college)
      .where(and(eq(college.schoolId, schoolId), eq(college.disabled, false)));
  }

  /** What the database holds for the ID numbers, phones and admission numbers of a file. */
  async lookups(schoolId: string, examId: string, records: RosterRecord[]): Promise<RosterLookups> {
    const result: RosterLookups = {
      userIdByIdNumber: new Map(),
      staffIdNumbers: new Set(),
      userIdByPhone: new Map(),
      userIdByAdmissionNumber: new Map(),
    };
    for (const part of chunks(records.map((record) => record.idNumber))) {
      const rows = await this.db
        .select({ id: appUser.id, idNumber: appUser.idNumber, role: appUser.role })
        .from(appUser)
        .where(and(eq(appUser.schoolId, schoolId), inArray(appUser.idNumber, part)));
      for (const row of rows) {
        if (row.idNumber === null) continue;
        if (row.role === 'candidate') result.userIdByIdNumber.set(row.idNumber, row.id);
        else result.staffIdNumbers.add(row.idNumber);
      }
    }
    for (const part of chunks(records.map((record) => record.phone))) {
      const rows = await this.db
        .select({ id: appUser.id, phone: appUser.phone })
        .from(appUser)
        .where(
          and(
            eq(appUser.schoolId, schoolId),
            eq(appUser.role, 'candidate'),
            inArray(appUser.phone, part),
          ),
        );
      for (const row of rows) if (row.phone !== null) result.userIdByPhone.set(row.phone, row.id);
    }
    const admissionNumbers = records.flatMap((record) =>
      record.admissionNumber === null ? [] : [record.admissionNumber],
    );
    for (const part of chunks(admissionNumbers)) {
      const rows = await this.db
        .select({ userId: registration.userId, admissionNumber: registration.admissionNumber })
        .from(registration)
        .where(and(eq(registration.examId, examId), inArray(registration.admissionNumber, part)));
      for (const row of rows) result.userIdByAdmissionNumber.set(row.admissionNumber, row.userId);
    }
    return result;
  }

  /**
   * Upserts candidates by (school, ID number) and their registrations by (exam, user) in one
   * transaction, with multi-row statements only.
   */
  importRecords(input: {
    schoolId: string;
    examId: string;
    records: RosterRecord[];
    now: Date;
  }): Promise<ImportCounts> {
    return this.db.transaction(async (tx) => {
      const userIds = await upsertCandidates(tx, input);
      return upsertRegistrations(tx, input, userIds);
    });
  }
}

/** Creates missing candidates and updates changed ones; returns the user id of every record. */
async function upsertCandidates(
  tx: Executor,
  input: { schoolId: string; records: RosterRecord[]; now: Date },
): Promise<{ userIdOf: Map<string, string>; changedUsers: Set<string> }> {
  const existing = new Map<string, typeof appUser.$inferSelect>();
  for (const part of chunks(input.records.map((record) => record.idNumber))) {
    const rows = await tx
      .select()
      .from(appUser)
      .where(
        and(
          eq(appUser.schoolId, input.schoolId),
          eq(appUser.role, 'candidate'),
          inArray(appUser.idNumber, part),
        ),
      );
    for (const row of rows) if (row.idNumber !== null) existing.set(row.idNumber, row);
  }
  const userIdOf = new Map<string, string>();
  const changedUsers = new Set<string>();
  const toCreate: RosterRecord[] = [];
  const toUpdate: { id: string; name: string; phone: string; collegeId: string | null }[] = [];
  for (const record of input.records) {
    const user = existing.get(record.idNumber);
    if (!user) {
      toCreate.push(record);
      continue;
    }
    userIdOf.set(record.idNumber, user.id);
    const collegeId = record.collegeId === undefined ? user.collegeId : record.collegeId;
    if (user.name !== record.name || user.phone !== record.phone || user.collegeId !== collegeId) {
      toUpdate.push({ id: user.id, name: record.name, phone: record.phone, collegeId });
      changedUsers.add(user.id);
    }
  }
  for (const part of chunks(toCreate)) {
    const rows = await tx
      .insert(appUser)
      .values(
        part.map((record) => ({
          schoolId: input.schoolId,
          collegeId: record.collegeId ?? null,
          role: 'candidate' as const,
          name: record.name,
          phone: record.phone,
          idNumber: record.idNumber,
          // No hash: the initial password is the last 6 characters of the ID number.
          passwordHash: null,
          mustChangePassword: true,
          createdAt: input.now,
          updatedAt: input.now,
        })),
      )
      .returning({ id: appUser.id, idNumber: appUser.idNumber });
    for (const row of rows) if (row.idNumber !== null) userIdOf.set(row.idNumber, row.id);
  }
  const now = input.now.toISOString();
  for (const part of chunks(toUpdate)) {
    const values = sql.join(
      part.map((row) => sql`(${row.id}::uuid, ${row.name}, ${row.phone}, ${row.collegeId}::uuid)`),
      sql`, `,
    );
    await tx.execute(sql`update ${appUser}
      set name = v.name, phone = v.phone, college_id = v.college_id, updated_at = ${now}::timestamptz
      from (values ${values}) as v(id, name, phone, college_id)
      where ${appUser.id} = v.id`);
  }
  return { userIdOf, changedUsers };
}

async function upsertRegistrations(
  tx: Executor,
  input: { schoolId: string; examId: string; records: RosterRecord[]; now: Date },
  users: { userIdOf: Map<string, string>; changedUsers: Set<string> },
): Promise<ImportCounts> {
  const existing = new Map<string, { id: string; sessionId: string; admissionNumber: string }>();
  const rows = await tx
    .select({
      id: registration.id,
      userId: registration.userId,
      sessionId: registration.sessionId,
      admissionNumber: registration.admissionNumber,
    })
    .from(registration)
    .where(eq(registration.examId, input.examId));
  for (const row of rows) existing.set(row.userId, row);
  const taken = new Set([
    ...rows.map((row) => row.admissionNumber),
    ...input.records.flatMap((record) => (record.admissionNumber ? [record.admissionNumber] : [])),
  ]);
  const newNumber = () => {
    const number = generateAdmissionNumber(taken);
    taken.add(number);
    return number;
  };

  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const toCreate: (typeof registration.$inferInsert)[] = [];
  const toUpdate: { id: string; sessionId: string; admissionNumber: string }[] = [];
  for (const record of input.records) {
    const userId = users.userIdOf.get(record.idNumber);
    if (userId === undefined) throw new Error('imported candidate has no id');
    const current = existing.get(userId);
    if (!current) {
      counts.created++;
      toCreate.push({
        schoolId: input.schoolId,
        examId: input.examId,
        sessionId: record.sessionId,
        userId,
        admissionNumber: record.admissionNumber ?? newNumber(),
        createdAt: input.now,
        updatedAt: input.now,
      });
      continue;
    }
    const admissionNumber = record.admissionNumber ?? current.admissionNumber;
    const isChanged =
      current.sessionId !== record.sessionId || current.admissionNumber !== admissionNumber;
    if (isChanged) toUpdate.push({ id: current.id, sessionId: record.sessionId, admissionNumber });
    if (isChanged || users.changedUsers.has(userId)) counts.updated++;
    else counts.unchanged++;
  }
  for (const part of chunks(toCreate)) await tx.insert(registration).values(part);
  const now = input.now.toISOString();
  for (const part of chunks(toUpdate)) {
    const values = sql.join(
      part.map((row) => sql`(${row.id}::uuid, ${row.sessionId}::uuid, ${row.admissionNumber})`),
      sql`, `,
    );
    await tx.execute(sql`update ${registration}
      set session_id = v.session_id, admission_number = v.admission_number,
        updated_at = ${now}::timestamptz
      from (values ${values}) as v(id, session_id, admission_number)
      where ${registration.id} = v.id`);
  }
  return counts;
}

/** Sessions, staff and the candidates of one session, for the session roster. */
export class SessionRosterRepo {
  constructor(private readonly db: Database) {}

  /** A session with its exam (who may see it, its end, the kind of exam). */
  async findSession(sessionId: string) {
    const rows = await this.db
      .select({
        id: examSession.id,
        name: examSession.name,
        endsAt: examSession.endsAt,
        examId: exam.id,
        examName: exam.name,
        examKind: exam.kind,
        schoolId: exam.schoolId,
        collegeId: exam.collegeId,
      })
      .from(examSession)
      .innerJoin(exam, eq(exam.id, examSession.examId))
      .where(eq(examSession.id, sessionId));
    return rows[0] ?? null;
  }

  async isAssigned(sessionId: string, userId: string): Promise<boolean> {
    return (await this.dutiesOf(sessionId, userId)).length > 0;
  }

  /**
   * A staff member's duties in a session (none: not assigned to it). 阅卷 (marker) is left out:
   * it marks the exam anonymously and opens none of the session's views (roster, check-ins).
   */
  async dutiesOf(sessionId: string, userId: string): Promise<StaffDuty[]> {
    const rows = await this.db
      .select({ duty: staffAssignment.duty })
      .from(staffAssignment)
      .where(
        and(
          eq(staffAssignment.sessionId, sessionId),
          eq(staffAssignment.userId, userId),
          ne(staffAssignment.duty, 'marker'),
        ),
      );
    return rows.map((row) => row.duty);
  }

  entries(sessionId: string) {
    const hasDocuments: SQL<boolean> = sql<boolean>`exists (select 1 from ${candidateDocument} where ${candidateDocument.userId} = ${appUser.id})`;
    return this.db
      .select({
        registrationId: registration.id,
        userId: appUser.id,
        name: appUser.name,
        idNumber: appUser.idNumber,
        phone: appUser.phone,
        photoFileId: appUser.photoFileId,
        collegeName: college.name,
        admissionNumber: registration.admissionNumber,
        attendance: registration.attendance,
        attendanceChangedAt: registration.attendanceChangedAt,
        identityConfirmedAt: registration.identityConfirmedAt,
        mockEntryCount: registration.mockEntryCount,
        reviewState: documentReview.state,
        hasDocuments,
      })
      .from(registration)
      .innerJoin(appUser, eq(appUser.id, registration.userId))
      .leftJoin(college, eq(college.id, appUser.collegeId))
      .leftJoin(documentReview, eq(documentReview.userId, appUser.id))
      .where(eq(registration.sessionId, sessionId))
      .orderBy(asc(registration.admissionNumber));
  }
}

/** The candidates registered in an exam, to match photo names against. */
export async function candidatesOfExam(db: Database, examId: string) {
  return db
    .select({
      userId: registration.userId,
      admissionNumber: registration.admissionNumber,
      idNumber: appUser.idNumber,
    })
    .from(registration)
    .innerJoin(appUser, eq(appUser.id, registration.userId))
    .where(eq(registration.examId, examId));
}

/** A registration's candidate and exam, to check who may change the candidate's photo. */
export async function registrationForPhoto(db: Database, registrationId: string) {
  const [row] = await db
    .select({
      registrationId: registration.id,
      userId: registration.userId,
      examId: registration.examId,
      admissionNumber: registration.admissionNumber,
      hadPhoto: sql<boolean>`${appUser.photoFileId} is not null`,
    })
    .from(registration)
    .innerJoin(appUser, eq(appUser.id, registration.userId))
    .where(eq(registration.id, registrationId))
    .limit(1);
  return row;
}

/** Points a candidate's reference photo at a stored file. */
export async function setReferencePhoto(db: Database, userId: string, fileId: string, now: Date) {
  await db
    .update(appUser)
    .set({ photoFileId: fileId, updatedAt: now })
    .where(eq(appUser.id, userId));
}
