import { and, eq, ne, notExists, sql } from 'drizzle-orm';
import type { Attendance } from '../../shared/enums.js';
import type { Database } from '../db/client.js';
import {
  appUser,
  college,
  exam,
  examSession,
  registration,
  school,
  storedFile,
  waitingTicket,
} from '../db/schema/index.js';

/** The college a registration belongs to (报考学院): the exam's, else the candidate's own. */
export const registrationCollegeId = sql<
  string | null
>`coalesce(${exam.collegeId}, ${appUser.collegeId})`;

/**
 * One registration of this candidate with everything its ticket, identity check and mock entry
 * show; undefined when it is not theirs.
 */
export async function ownRegistrationOf(db: Database, userId: string, registrationId: string) {
  const [row] = await db
    .select({
      registrationId: registration.id,
      schoolId: registration.schoolId,
      schoolName: school.name,
      examName: exam.name,
      examKind: exam.kind,
      rules: exam.rules,
      noticeText: exam.noticeText,
      sessionName: examSession.name,
      startsAt: examSession.startsAt,
      endsAt: examSession.endsAt,
      candidateName: appUser.name,
      idNumber: appUser.idNumber,
      phone: appUser.phone,
      photoFileId: appUser.photoFileId,
      collegeName: college.name,
      admissionNumber: registration.admissionNumber,
      attendance: registration.attendance,
      attendanceChangedAt: registration.attendanceChangedAt,
      identityConfirmedAt: registration.identityConfirmedAt,
      mockEntryCount: registration.mockEntryCount,
      lastMockEntryAt: registration.lastMockEntryAt,
    })
    .from(registration)
    .innerJoin(examSession, eq(examSession.id, registration.sessionId))
    .innerJoin(exam, eq(exam.id, registration.examId))
    .innerJoin(school, eq(school.id, registration.schoolId))
    .innerJoin(appUser, eq(appUser.id, registration.userId))
    .leftJoin(college, eq(college.id, registrationCollegeId))
    .where(and(eq(registration.id, registrationId), eq(registration.userId, userId)))
    .limit(1);
  return row;
}

/** Registrations as their own candidate reads them; every query is keyed by the user too. */
export class TicketsRepo {
  constructor(private readonly db: Database) {}

  /** One registration of this candidate with what its ticket shows; undefined when not theirs. */
  ticketOf(userId: string, registrationId: string) {
    return ownRegistrationOf(this.db, userId, registrationId);
  }

  /** The stored reference photo of this candidate, if this registration is theirs. */
  async photoOf(userId: string, registrationId: string) {
    const [row] = await this.db
      .select({ storageKey: storedFile.storageKey, mimeType: storedFile.mimeType })
      .from(registration)
      .innerJoin(appUser, eq(appUser.id, registration.userId))
      .innerJoin(storedFile, eq(storedFile.id, appUser.photoFileId))
      .where(and(eq(registration.id, registrationId), eq(registration.userId, userId)))
      .limit(1);
    return row;
  }

  /**
   * Changes attendance unless it is already withdrawn (final, even under a race), or, for a
   * withdrawal, the candidate already entered the waiting room; false if not changed.
   */
  async setAttendance(registrationId: string, attendance: Attendance, at: Date): Promise<boolean> {
    const entered = this.db
      .select({ id: waitingTicket.registrationId })
      .from(waitingTicket)
      .where(eq(waitingTicket.registrationId, registrationId));
    const rows = await this.db
      .update(registration)
      .set({ attendance, attendanceChangedAt: at })
      .where(
        and(
          eq(registration.id, registrationId),
          ne(registration.attendance, 'withdrawn'),
          attendance === 'withdrawn' ? notExists(entered) : undefined,
        ),
      )
      .returning({ id: registration.id });
    return rows.length > 0;
  }

  /** Whether the candidate has entered the waiting room (a ticket exists, whatever its state). */
  async hasEnteredWaitingRoom(registrationId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: waitingTicket.registrationId })
      .from(waitingTicket)
      .where(eq(waitingTicket.registrationId, registrationId))
      .limit(1);
    return row !== undefined;
  }
}

export type TicketRow = NonNullable<Awaited<ReturnType<TicketsRepo['ticketOf']>>>;
