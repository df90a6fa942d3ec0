import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import {
  exam,
  examSession,
  registration,
  staffAssignment,
  waitingTicket,
} from '../db/schema/index.js';

/** The columns every session listing shows; `rules` gives the pre-entry time for the status. */
const sessionColumns = {
  sessionId: examSession.id,
  sessionName: examSession.name,
  examName: exam.name,
  examKind: exam.kind,
  rules: exam.rules,
  startsAt: examSession.startsAt,
  endsAt: examSession.endsAt,
};

/** Read models of exams, sessions, registrations and assignments. */
export class ExamsRepo {
  constructor(private readonly db: Database) {}

  registrationsOfCandidate(userId: string) {
    return this.db
      .select({
        ...sessionColumns,
        registrationId: registration.id,
        examId: exam.id,
        admissionNumber: registration.admissionNumber,
        attendance: registration.attendance,
        identityConfirmedAt: registration.identityConfirmedAt,
        mockEntryCount: registration.mockEntryCount,
        ticketState: waitingTicket.state,
      })
      .from(registration)
      .innerJoin(examSession, eq(examSession.id, registration.sessionId))
      .innerJoin(exam, eq(exam.id, registration.examId))
      .leftJoin(waitingTicket, eq(waitingTicket.registrationId, registration.id))
      .where(eq(registration.userId, userId))
      .orderBy(examSession.startsAt);
  }

  /** The staff member's session duties; 阅卷 is exam-wide and listed apart (/api/examiner/marking). */
  assignmentsOfStaff(userId: string) {
    return this.db
      .select({ ...sessionColumns, duty: staffAssignment.duty })
      .from(staffAssignment)
      .innerJoin(examSession, eq(examSession.id, staffAssignment.sessionId))
      .innerJoin(exam, eq(exam.id, examSession.examId))
      .where(and(eq(staffAssignment.userId, userId), ne(staffAssignment.duty, 'marker')))
      .orderBy(examSession.startsAt);
  }

  /** Sessions of a school, or of one college's exams. */
  sessionsInScope(scope: { schoolId: string | null; collegeId: string | null }) {
    return this.db
      .select(sessionColumns)
      .from(examSession)
      .innerJoin(exam, eq(exam.id, examSession.examId))
      .where(
        and(
          scope.schoolId ? eq(exam.schoolId, scope.schoolId) : undefined,
          scope.collegeId ? eq(exam.collegeId, scope.collegeId) : undefined,
        ),
      )
      .orderBy(examSession.startsAt);
  }

  async candidateCounts(sessionIds: readonly string[]): Promise<Map<string, number>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.db
      .select({ sessionId: registration.sessionId, n: count() })
      .from(registration)
      .where(inArray(registration.sessionId, [...sessionIds]))
      .groupBy(registration.sessionId);
    return new Map(rows.map((row) => [row.sessionId, row.n]));
  }
}
