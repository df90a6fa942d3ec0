import { and, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RosterReportState } from '../../shared/enums.js';
import type { Database } from '../db/client.js';
import { ownRegistrationOf, registrationCollegeId } from '../admission-tickets/repo.js';
import { hasFormalAttempt } from '../written-exam/mock-attempt-repo.js';
import {
  appUser,
  college,
  exam,
  examSession,
  registration,
  rosterReport,
} from '../db/schema/index.js';

const resolver = alias(appUser, 'resolver');

/** What an admin's list shows of a report. */
const reportColumns = {
  id: rosterReport.id,
  state: rosterReport.state,
  registrationId: rosterReport.registrationId,
  candidateName: appUser.name,
  idNumber: appUser.idNumber,
  phone: appUser.phone,
  collegeName: college.name,
  examId: exam.id,
  examName: exam.name,
  sessionName: examSession.name,
  admissionNumber: registration.admissionNumber,
  message: rosterReport.message,
  createdAt: rosterReport.createdAt,
  resolutionNote: rosterReport.resolutionNote,
  resolvedAt: rosterReport.resolvedAt,
  resolverName: resolver.name,
};

/** Where an admin reads reports: a school, or one college of it. */
export interface ReportScope {
  schoolId: string;
  collegeId: string | null;
}

/** Registrations as their candidate checks them, and the reports about them: SQL only. */
export class IdentityRepo {
  constructor(private readonly db: Database) {}

  /** One registration of this candidate with its roster data; undefined when not theirs. */
  registrationOf(userId: string, registrationId: string) {
    return ownRegistrationOf(this.db, userId, registrationId);
  }

  /** Whether the registration's formal written attempt has started (模拟考试 closes then). */
  hasFormalAttempt(registrationId: string): Promise<boolean> {
    return hasFormalAttempt(this.db, registrationId);
  }

  /** The newest report of a registration, open or resolved. */
  async latestReportOf(registrationId: string) {
    const [row] = await this.db
      .select()
      .from(rosterReport)
      .where(eq(rosterReport.registrationId, registrationId))
      .orderBy(desc(rosterReport.createdAt))
      .limit(1);
    return row;
  }

  /** Keeps the first confirmation time; returns the stored one. */
  async confirmIdentity(registrationId: string, at: Date): Promise<Date | null> {
    const [row] = await this.db
      .update(registration)
      .set({
        identityConfirmedAt: sql`coalesce(${registration.identityConfirmedAt}, ${at.toISOString()}::timestamptz)`,
        updatedAt: at,
      })
      .where(eq(registration.id, registrationId))
      .returning({ identityConfirmedAt: registration.identityConfirmedAt });
    return row?.identityConfirmedAt ?? null;
  }

  /**
   * Opens a report, or replaces the message of the registration's open one (one statement, so
   * two reports sent at once still leave one open report). Tells which happened.
   */
  async upsertOpenReport(values: {
    schoolId: string;
    userId: string;
    registrationId: string;
    message: string;
    createdAt: Date;
  }): Promise<{ id: string; replaced: boolean }> {
    const [row] = await this.db
      .insert(rosterReport)
      .values(values)
      .onConflictDoUpdate({
        target: rosterReport.registrationId,
        targetWhere: sql`${rosterReport.state} = 'open'`,
        set: { message: values.message, createdAt: values.createdAt },
      })
      .returning({ id: rosterReport.id, inserted: sql<boolean>`(xmax = 0)` });
    if (!row) throw new Error('upsert returned no report');
    return { id: row.id, replaced: !row.inserted };
  }

  /** Counts one mock-exam entry unless the candidate withdrew; the new count, or undefined. */
  async recordMockEntry(registrationId: string, at: Date) {
    const [row] = await this.db
      .update(registration)
      .set({
        mockEntryCount: sql`${registration.mockEntryCount} + 1`,
        lastMockEntryAt: at,
        updatedAt: at,
      })
      .where(and(eq(registration.id, registrationId), ne(registration.attendance, 'withdrawn')))
      .returning({
        count: registration.mockEntryCount,
        lastEnteredAt: registration.lastMockEntryAt,
      });
    return row;
  }

  /** Reports in an admin's scope, newest first, with who and what they are about. */
  async listReports(scope: ReportScope, state: RosterReportState, page: number, pageSize: number) {
    const where = and(this.inScope(scope), eq(rosterReport.state, state));
    // Only the joins the scope needs.
    const [totalRow] = await this.db
      .select({ n: count() })
      .from(rosterReport)
      .innerJoin(appUser, eq(appUser.id, rosterReport.userId))
      .leftJoin(registration, eq(registration.id, rosterReport.registrationId))
      .leftJoin(exam, eq(exam.id, registration.examId))
      .where(where);
    const rows = await this.selectReports()
      .where(where)
      .orderBy(desc(rosterReport.createdAt), desc(rosterReport.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { rows, total: totalRow?.n ?? 0 };
  }

  /** One report if it is in the admin's scope. */
  async findReport(scope: ReportScope, reportId: string) {
    const [row] = await this.selectReports()
      .where(and(this.inScope(scope), eq(rosterReport.id, reportId)))
      .limit(1);
    return row;
  }

  /** Resolves a report that is still open; false when someone resolved it first. */
  async resolveReport(reportId: string, note: string, at: Date, by: string): Promise<boolean> {
    const rows = await this.db
      .update(rosterReport)
      .set({ state: 'resolved', resolutionNote: note, resolvedAt: at, resolvedBy: by })
      .where(and(eq(rosterReport.id, reportId), eq(rosterReport.state, 'open')))
      .returning({ id: rosterReport.id });
    return rows.length > 0;
  }

  private selectReports() {
    return this.db
      .select(reportColumns)
      .from(rosterReport)
      .innerJoin(appUser, eq(appUser.id, rosterReport.userId))
      .leftJoin(registration, eq(registration.id, rosterReport.registrationId))
      .leftJoin(exam, eq(exam.id, registration.examId))
      .leftJoin(examSession, eq(examSession.id, registration.sessionId))
      .leftJoin(college, eq(college.id, registrationCollegeId))
      .leftJoin(resolver, eq(resolver.id, rosterReport.resolvedBy))
      .$dynamic();
  }

  private inScope(scope: ReportScope): SQL | undefined {
    return and(
      eq(rosterReport.schoolId, scope.schoolId),
      scope.collegeId ? sql`${registrationCollegeId} = ${scope.collegeId}` : undefined,
    );
  }
}

export type IdentityRow = NonNullable<Awaited<ReturnType<IdentityRepo['registrationOf']>>>;
export type ReportRow = NonNullable<Awaited<ReturnType<IdentityRepo['findReport']>>>;
