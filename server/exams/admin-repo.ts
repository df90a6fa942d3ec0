import { and, asc, count, desc, eq, inArray, or } from 'drizzle-orm';
import type { StaffDuty } from '../../shared/enums.js';
import { AppError } from '../errors/app-error.js';
import type { Database } from '../db/client.js';
import {
  appUser,
  college,
  exam,
  examSession,
  registration,
  staffAssignment,
} from '../db/schema/index.js';
import type { AdminScope } from '../admin/policy.js';
import { rejectDuplicates } from '../db/unique-violation.js';

/**
 * An exam with its college's name: what the admin pages of an exam (roster, scoring) check the
 * caller's scope against and show. Null when there is no such exam.
 */
export async function findExamWithCollege(db: Database, examId: string) {
  const rows = await db
    .select({
      id: exam.id,
      schoolId: exam.schoolId,
      collegeId: exam.collegeId,
      code: exam.code,
      name: exam.name,
      collegeName: college.name,
    })
    .from(exam)
    .leftJoin(college, eq(college.id, exam.collegeId))
    .where(eq(exam.id, examId));
  return rows[0] ?? null;
}

export type ExamRow = typeof exam.$inferSelect;
export type ExamValues = Omit<typeof exam.$inferInsert, 'id' | 'createdAt'>;
export type SessionRow = typeof examSession.$inferSelect;
export interface StaffUserRow {
  id: string;
  name: string;
  username: string | null;
  role: (typeof appUser.$inferSelect)['role'];
  schoolId: string | null;
  collegeId: string | null;
  collegeName: string | null;
  disabled: boolean;
}

const staffUserColumns = {
  id: appUser.id,
  name: appUser.name,
  username: appUser.username,
  role: appUser.role,
  schoolId: appUser.schoolId,
  collegeId: appUser.collegeId,
  collegeName: college.name,
  disabled: appUser.disabled,
};

/** Exams, sessions and staff assignments for the admin console: SQL only. */
export class ExamAdminRepo {
  constructor(private readonly db: Database) {}

  listExams(scope: AdminScope) {
    return this.db
      .select({ exam, collegeName: college.name })
      .from(exam)
      .leftJoin(college, eq(college.id, exam.collegeId))
      .where(
        and(
          scope.schoolId ? eq(exam.schoolId, scope.schoolId) : undefined,
          scope.collegeId ? eq(exam.collegeId, scope.collegeId) : undefined,
        ),
      )
      .orderBy(desc(exam.createdAt), asc(exam.code));
  }

  async findExam(id: string) {
    const rows = await this.db
      .select({ exam, collegeName: college.name })
      .from(exam)
      .leftJoin(college, eq(college.id, exam.collegeId))
      .where(eq(exam.id, id));
    return rows[0] ?? null;
  }

  async findExamByCode(schoolId: string, code: string): Promise<ExamRow | null> {
    const rows = await this.db
      .select()
      .from(exam)
      .where(and(eq(exam.schoolId, schoolId), eq(exam.code, code)));
    return rows[0] ?? null;
  }

  async insertExam(values: ExamValues): Promise<ExamRow> {
    const [row] = await rejectDuplicates(this.db.insert(exam).values(values).returning());
    if (!row) throw new Error('insert returned no exam');
    return row;
  }

  async updateExam(id: string, values: Omit<ExamValues, 'schoolId'>): Promise<void> {
    await rejectDuplicates(this.db.update(exam).set(values).where(eq(exam.id, id)));
  }

  async deleteExam(id: string): Promise<void> {
    await this.db.delete(exam).where(eq(exam.id, id));
  }

  async findCollege(id: string) {
    const rows = await this.db.select().from(college).where(eq(college.id, id));
    return rows[0] ?? null;
  }

  collegesInScope(scope: AdminScope) {
    return this.db
      .select({ id: college.id, name: college.name })
      .from(college)
      .where(
        and(
          scope.schoolId ? eq(college.schoolId, scope.schoolId) : undefined,
          scope.collegeId ? eq(college.id, scope.collegeId) : undefined,
          eq(college.disabled, false),
        ),
      )
      .orderBy(asc(college.name));
  }

  /** Sessions and registrations per exam. */
  async examCounts(examIds: readonly string[]) {
    const sessions = new Map<string, number>();
    const registrations = new Map<string, number>();
    if (examIds.length === 0) return { sessions, registrations };
    const sessionRows = await this.db
      .select({ examId: examSession.examId, n: count() })
      .from(examSession)
      .where(inArray(examSession.examId, [...examIds]))
      .groupBy(examSession.examId);
    const registrationRows = await this.db
      .select({ examId: registration.examId, n: count() })
      .from(registration)
      .where(inArray(registration.examId, [...examIds]))
      .groupBy(registration.examId);
    for (const row of sessionRows) sessions.set(row.examId, row.n);
    for (const row of registrationRows) registrations.set(row.examId, row.n);
    return { sessions, registrations };
  }

  sessionsOfExam(examId: string): Promise<SessionRow[]> {
    return this.db
      .select()
      .from(examSession)
      .where(eq(examSession.examId, examId))
      .orderBy(asc(examSession.startsAt), asc(examSession.name));
  }

  async findSession(id: string): Promise<SessionRow | null> {
    const rows = await this.db.select().from(examSession).where(eq(examSession.id, id));
    return rows[0] ?? null;
  }

  async insertSession(values: Omit<typeof examSession.$inferInsert, 'id'>): Promise<SessionRow> {
    const [row] = await this.db.insert(examSession).values(values).returning();
    if (!row) throw new Error('insert returned no session');
    return row;
  }

  async updateSession(
    id: string,
    values: Pick<SessionRow, 'name' | 'startsAt' | 'endsAt'>,
  ): Promise<SessionRow> {
    const [row] = await this.db
      .update(examSession)
      .set(values)
      .where(eq(examSession.id, id))
      .returning();
    if (!row) throw AppError.notFound('session');
    return row;
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.delete(examSession).where(eq(examSession.id, id));
  }

  async registrationCount(where: { examId: string } | { sessionId: string }): Promise<number> {
    const rows = await this.db
      .select({ n: count() })
      .from(registration)
      .where(
        'examId' in where
          ? eq(registration.examId, where.examId)
          : eq(registration.sessionId, where.sessionId),
      );
    return rows[0]?.n ?? 0;
  }

  async registrationCountsOfSessions(sessionIds: readonly string[]): Promise<Map<string, number>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.db
      .select({ sessionId: registration.sessionId, n: count() })
      .from(registration)
      .where(inArray(registration.sessionId, [...sessionIds]))
      .groupBy(registration.sessionId);
    return new Map(rows.map((row) => [row.sessionId, row.n]));
  }

  /** Distinct people per session (a chair who also sits on the panel counts once). */
  async staffCounts(sessionIds: readonly string[]): Promise<Map<string, number>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.db
      .selectDistinct({ sessionId: staffAssignment.sessionId, userId: staffAssignment.userId })
      .from(staffAssignment)
      .where(inArray(staffAssignment.sessionId, [...sessionIds]));
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.sessionId, (counts.get(row.sessionId) ?? 0) + 1);
    return counts;
  }

  assignmentsOfSession(sessionId: string) {
    return this.db
      .select({ userId: staffAssignment.userId, duty: staffAssignment.duty })
      .from(staffAssignment)
      .where(eq(staffAssignment.sessionId, sessionId))
      .orderBy(asc(staffAssignment.createdAt));
  }

  /** Enabled examiners and proctors of a school (or one college), and the users listed by id. */
  staffOptions(scope: { schoolId: string; collegeId: string | null }, alsoIds: string[]) {
    const inScope = and(
      eq(appUser.schoolId, scope.schoolId),
      scope.collegeId ? eq(appUser.collegeId, scope.collegeId) : undefined,
      inArray(appUser.role, ['examiner', 'proctor']),
      eq(appUser.disabled, false),
    );
    return this.db
      .select(staffUserColumns)
      .from(appUser)
      .leftJoin(college, eq(college.id, appUser.collegeId))
      .where(alsoIds.length > 0 ? or(inScope, inArray(appUser.id, alsoIds)) : inScope)
      .orderBy(asc(appUser.role), asc(appUser.name));
  }

  usersByIds(ids: string[]): Promise<StaffUserRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select(staffUserColumns)
      .from(appUser)
      .leftJoin(college, eq(college.id, appUser.collegeId))
      .where(inArray(appUser.id, ids));
  }

  /** Replaces a session's staff in one transaction: nobody sees a half-saved set. */
  async replaceAssignments(
    session: { id: string; schoolId: string },
    assignments: { userId: string; duty: StaffDuty }[],
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(staffAssignment).where(eq(staffAssignment.sessionId, session.id));
      if (assignments.length === 0) return;
      await tx
        .insert(staffAssignment)
        .values(
          assignments.map((row) => ({ ...row, sessionId: session.id, schoolId: session.schoolId })),
        );
    });
  }
}
