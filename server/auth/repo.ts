import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { AccountKind, SessionUser } from '../../shared/api/auth.js';
import type { Database } from '../db/client.js';
import { SessionCache, type LiveSession } from './session-cache.js';
import { appUser, college, loginSession, registration, school, exam } from '../db/schema/index.js';

export type UserRow = typeof appUser.$inferSelect;
export type SchoolRow = typeof school.$inferSelect;

const sessionUserColumns = {
  id: appUser.id,
  role: appUser.role,
  name: appUser.name,
  schoolId: appUser.schoolId,
  schoolSlug: school.slug,
  schoolName: school.name,
  schoolTimeZone: school.timeZone,
  collegeId: appUser.collegeId,
  collegeName: college.name,
  locale: appUser.locale,
};

export class AuthRepo {
  private readonly liveSession;

  constructor(
    private readonly db: Database,
    readonly sessions = new SessionCache(),
  ) {
    this.liveSession = db
      .select({
        ...sessionUserColumns,
        lastSeenAt: loginSession.lastSeenAt,
        mustChangePassword: loginSession.mustChangePassword,
      })
      .from(loginSession)
      .innerJoin(appUser, eq(appUser.id, loginSession.userId))
      .leftJoin(school, eq(school.id, appUser.schoolId))
      .leftJoin(college, eq(college.id, appUser.collegeId))
      .where(
        and(
          eq(loginSession.tokenHash, sql.placeholder('tokenHash')),
          gt(loginSession.expiresAt, sql.placeholder('now')),
          eq(appUser.disabled, false),
        ),
      )
      .limit(1)
      .prepare('live_session');
  }

  async findSchoolBySlug(slug: string): Promise<SchoolRow | undefined> {
    const rows = await this.db.select().from(school).where(eq(school.slug, slug)).limit(1);
    return rows[0];
  }

  /** The user as the client sees them, but for the per-session password-change flag. */
  async findSessionUser(
    userId: string,
  ): Promise<Omit<SessionUser, 'mustChangePassword'> | undefined> {
    const rows = await this.db
      .select(sessionUserColumns)
      .from(appUser)
      .leftJoin(school, eq(school.id, appUser.schoolId))
      .leftJoin(college, eq(college.id, appUser.collegeId))
      .where(eq(appUser.id, userId))
      .limit(1);
    return rows[0];
  }

  async findUserById(userId: string): Promise<UserRow | undefined> {
    const rows = await this.db.select().from(appUser).where(eq(appUser.id, userId)).limit(1);
    return rows[0];
  }

  /** The school's accounts of one kind with this phone, oldest first. */
  async findUsersByPhone(schoolId: string, phone: string, kind: AccountKind): Promise<UserRow[]> {
    return this.db
      .select()
      .from(appUser)
      .where(
        and(
          eq(appUser.schoolId, schoolId),
          eq(appUser.phone, phone),
          kind === 'candidate'
            ? eq(appUser.role, 'candidate')
            : sql`${appUser.role} <> 'candidate'`,
        ),
      )
      .orderBy(appUser.createdAt, appUser.id);
  }

  async findExamByCode(
    schoolId: string,
    code: string,
  ): Promise<{ id: string; code: string } | undefined> {
    const rows = await this.db
      .select({ id: exam.id, code: exam.code })
      .from(exam)
      .where(and(eq(exam.schoolId, schoolId), eq(exam.code, code)))
      .limit(1);
    return rows[0];
  }

  async findCandidateByIdNumber(schoolId: string, idNumber: string): Promise<UserRow | undefined> {
    const rows = await this.db
      .select()
      .from(appUser)
      .where(
        and(
          eq(appUser.schoolId, schoolId),
          eq(appUser.idNumber, idNumber),
          eq(appUser.role, 'candidate'),
        ),
      )
      .limit(1);
    return rows[0];
  }

  /** Staff by username or phone; schoolId null means the platform's own admins. */
  async findStaffByLogin(schoolId: string | null, login: string): Promise<UserRow | undefined> {
    const rows = await this.db
      .select()
      .from(appUser)
      .where(
        and(
          schoolId === null ? isNull(appUser.schoolId) : eq(appUser.schoolId, schoolId),
          sql`${appUser.role} <> 'candidate'`,
          or(eq(appUser.username, login), eq(appUser.phone, login)),
        ),
      )
      .orderBy(appUser.createdAt)
      .limit(1);
    return rows[0];
  }

  async findCandidateByAdmission(
    schoolId: string,
    examCode: string,
    admissionNumber: string,
  ): Promise<UserRow | undefined> {
    const rows = await this.db
      .select({ user: appUser })
      .from(registration)
      .innerJoin(exam, eq(exam.id, registration.examId))
      .innerJoin(appUser, eq(appUser.id, registration.userId))
      .where(
        and(
          eq(exam.schoolId, schoolId),
          eq(exam.code, examCode),
          eq(registration.admissionNumber, admissionNumber),
        ),
      )
      .limit(1);
    return rows[0]?.user;
  }

  async setPassword(userId: string, passwordHash: string, now: Date): Promise<void> {
    await this.db
      .update(appUser)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now })
      .where(eq(appUser.id, userId));
  }

  async setLocale(userId: string, locale: UserRow['locale']): Promise<void> {
    await this.db.update(appUser).set({ locale }).where(eq(appUser.id, userId));
    this.sessions.forgetUsers([userId]);
  }

  async createSession(row: typeof loginSession.$inferInsert): Promise<void> {
    await this.db.insert(loginSession).values(row);
  }

  /**
   * The live session of a token with its user, in one round trip: every API request asks this,
   * so it is prepared once (parsed and planned once per connection) instead of built each time.
   */
  async findLiveSession(tokenHash: string, now: Date): Promise<LiveSession | undefined> {
    const cached = this.sessions.get(tokenHash, now);
    if (cached) return cached;
    const rows = await this.liveSession.execute({ tokenHash, now });
    const row = rows[0];
    if (!row) return undefined;
    const { lastSeenAt, mustChangePassword, ...user } = row;
    const session = { userId: user.id, lastSeenAt, mustChangePassword, user };
    this.sessions.set(tokenHash, session, now);
    return session;
  }

  async touchSession(tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .update(loginSession)
      .set({ lastSeenAt: now, expiresAt })
      .where(eq(loginSession.tokenHash, tokenHash));
    // The next request reads the new lastSeenAt rather than touching again.
    this.sessions.forgetToken(tokenHash);
  }

  async clearSessionPasswordChange(tokenHash: string): Promise<void> {
    await this.db
      .update(loginSession)
      .set({ mustChangePassword: false })
      .where(eq(loginSession.tokenHash, tokenHash));
    this.sessions.forgetToken(tokenHash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.delete(loginSession).where(eq(loginSession.tokenHash, tokenHash));
    this.sessions.forgetToken(tokenHash);
  }

  /** Ends every session of the users, except the one that is kept (the caller's own). */
  async deleteSessionsOf(userIds: readonly string[], keepTokenHash?: string): Promise<void> {
    if (userIds.length === 0) return;
    await this.db
      .delete(loginSession)
      .where(
        and(
          inArray(loginSession.userId, [...userIds]),
          keepTokenHash ? sql`${loginSession.tokenHash} <> ${keepTokenHash}` : undefined,
        ),
      );
    this.sessions.forgetUsers(userIds);
  }
}
