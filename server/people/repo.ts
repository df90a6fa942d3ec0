import { and, asc, count, desc, eq, ilike, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import type { ManagedStaffRole } from '../../shared/api/people.js';
import type { Database } from '../db/client.js';
import { appUser, college, loginSession } from '../db/schema/index.js';
import { rejectDuplicates } from '../db/unique-violation.js';
import type { SessionCache } from '../auth/session-cache.js';

export type CollegeRow = typeof college.$inferSelect;
export type StaffRow = Pick<
  typeof appUser.$inferSelect,
  | 'id'
  | 'schoolId'
  | 'collegeId'
  | 'role'
  | 'name'
  | 'username'
  | 'phone'
  | 'disabled'
  | 'mustChangePassword'
  | 'createdAt'
> & { collegeName: string | null };

export interface HeadCounts {
  candidates: number;
  staff: number;
}

export interface StaffFilter {
  schoolId: string;
  collegeId: string | null;
  roles: readonly ManagedStaffRole[];
  text: string | undefined;
  page: number;
  pageSize: number;
}

const staffColumns = {
  id: appUser.id,
  schoolId: appUser.schoolId,
  collegeId: appUser.collegeId,
  role: appUser.role,
  name: appUser.name,
  username: appUser.username,
  phone: appUser.phone,
  disabled: appUser.disabled,
  mustChangePassword: appUser.mustChangePassword,
  createdAt: appUser.createdAt,
  collegeName: college.name,
};

/** `%text%` for ILIKE, with the caller's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Colleges and staff accounts: SQL only. */
export class PeopleRepo {
  constructor(
    private readonly db: Database,
    /** The sessions this node trusts for a moment: an ended session must leave them at once. */
    private readonly sessions: Pick<SessionCache, 'forgetUsers' | 'forgetCollege'>,
  ) {}

  async listColleges(schoolId: string, onlyCollegeId: string | null): Promise<CollegeRow[]> {
    return this.db
      .select()
      .from(college)
      .where(
        and(
          eq(college.schoolId, schoolId),
          onlyCollegeId ? eq(college.id, onlyCollegeId) : undefined,
        ),
      )
      .orderBy(asc(college.createdAt), asc(college.name));
  }

  /** Candidates and staff (not platform admins) per college of a school. */
  async headCounts(schoolId: string): Promise<Map<string, HeadCounts>> {
    const rows = await this.db
      .select({ collegeId: appUser.collegeId, role: appUser.role, n: count() })
      .from(appUser)
      .where(and(eq(appUser.schoolId, schoolId), isNotNull(appUser.collegeId)))
      .groupBy(appUser.collegeId, appUser.role);
    const counts = new Map<string, HeadCounts>();
    for (const row of rows) {
      if (!row.collegeId || row.role === 'platform_admin') continue;
      const entry = counts.get(row.collegeId) ?? { candidates: 0, staff: 0 };
      if (row.role === 'candidate') entry.candidates += row.n;
      else entry.staff += row.n;
      counts.set(row.collegeId, entry);
    }
    return counts;
  }

  async findCollege(id: string): Promise<CollegeRow | undefined> {
    const rows = await this.db.select().from(college).where(eq(college.id, id)).limit(1);
    return rows[0];
  }

  async insertCollege(values: { schoolId: string; name: string; nameEn: string | null }) {
    const rows = await rejectDuplicates(this.db.insert(college).values(values).returning());
    const row = rows[0];
    if (!row) throw new Error('insert returned no college');
    return row;
  }

  async updateCollege(
    id: string,
    changes: Partial<Pick<CollegeRow, 'name' | 'nameEn' | 'disabled'>>,
  ): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await rejectDuplicates(this.db.update(college).set(changes).where(eq(college.id, id)));
    this.sessions.forgetCollege(id);
  }

  async listStaff(filter: StaffFilter): Promise<{ rows: StaffRow[]; total: number }> {
    const text = filter.text ? containsPattern(filter.text) : undefined;
    const where: SQL | undefined = and(
      eq(appUser.schoolId, filter.schoolId),
      filter.collegeId ? eq(appUser.collegeId, filter.collegeId) : undefined,
      inArray(appUser.role, [...filter.roles]),
      text
        ? or(ilike(appUser.name, text), ilike(appUser.username, text), ilike(appUser.phone, text))
        : undefined,
    );
    const [totalRow] = await this.db.select({ n: count() }).from(appUser).where(where);
    const rows = await this.db
      .select(staffColumns)
      .from(appUser)
      .leftJoin(college, eq(college.id, appUser.collegeId))
      .where(where)
      .orderBy(desc(appUser.createdAt), asc(appUser.name), asc(appUser.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize);
    return { rows, total: totalRow?.n ?? 0 };
  }

  async findStaff(id: string): Promise<StaffRow | undefined> {
    const rows = await this.db
      .select(staffColumns)
      .from(appUser)
      .leftJoin(college, eq(college.id, appUser.collegeId))
      .where(eq(appUser.id, id))
      .limit(1);
    return rows[0];
  }

  async usernameTaken(schoolId: string, username: string): Promise<boolean> {
    const rows = await this.db
      .select({ id: appUser.id })
      .from(appUser)
      .where(and(eq(appUser.schoolId, schoolId), eq(appUser.username, username)))
      .limit(1);
    return rows.length > 0;
  }

  async insertStaff(values: {
    schoolId: string;
    collegeId: string | null;
    role: ManagedStaffRole;
    name: string;
    username: string;
    phone: string | null;
    passwordHash: string;
    now: Date;
  }): Promise<string> {
    const { now, ...rest } = values;
    const rows = await rejectDuplicates(
      this.db
        .insert(appUser)
        .values({ ...rest, mustChangePassword: true, createdAt: now, updatedAt: now })
        .returning({ id: appUser.id }),
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('insert returned no user');
    return id;
  }

  async setDisabled(id: string, disabled: boolean, now: Date): Promise<void> {
    await this.db.update(appUser).set({ disabled, updatedAt: now }).where(eq(appUser.id, id));
  }

  /** A temporary password: the next login must replace it. */
  async setTemporaryPassword(id: string, passwordHash: string, now: Date): Promise<void> {
    await this.db
      .update(appUser)
      .set({ passwordHash, mustChangePassword: true, updatedAt: now })
      .where(eq(appUser.id, id));
  }

  async endSessionsOf(userId: string): Promise<void> {
    await this.db.delete(loginSession).where(eq(loginSession.userId, userId));
    this.sessions.forgetUsers([userId]);
  }
}
