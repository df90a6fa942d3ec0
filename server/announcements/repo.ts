import { and, asc, desc, eq, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { announcement, appUser, college } from '../db/schema/index.js';

export type AnnouncementRow = typeof announcement.$inferSelect;

/** An announcement with the names the admin list shows. */
export type AnnouncementListRow = AnnouncementRow & {
  collegeName: string | null;
  collegeNameEn: string | null;
  authorName: string | null;
};

export interface AnnouncementValues {
  title: string;
  bodyHtml: string;
  collegeId: string | null;
}

/** SQL of announcements and the colleges they target; plain rows, no rules. */
export class AnnouncementsRepo {
  constructor(private readonly db: Database) {}

  private listQuery(where: SQL | undefined) {
    return this.db
      .select({
        id: announcement.id,
        schoolId: announcement.schoolId,
        collegeId: announcement.collegeId,
        title: announcement.title,
        bodyHtml: announcement.bodyHtml,
        publishedAt: announcement.publishedAt,
        authorId: announcement.authorId,
        createdAt: announcement.createdAt,
        updatedAt: announcement.updatedAt,
        collegeName: college.name,
        collegeNameEn: college.nameEn,
        authorName: appUser.name,
      })
      .from(announcement)
      .leftJoin(college, eq(college.id, announcement.collegeId))
      .leftJoin(appUser, eq(appUser.id, announcement.authorId))
      .where(where);
  }

  /** A school's announcements: all of them, or the school-wide ones and one college's. */
  async listForAdmin(schoolId: string, collegeId: string | null): Promise<AnnouncementListRow[]> {
    const collegeFilter = collegeId
      ? or(isNull(announcement.collegeId), eq(announcement.collegeId, collegeId))
      : undefined;
    return this.listQuery(and(eq(announcement.schoolId, schoolId), collegeFilter)).orderBy(
      desc(announcement.createdAt),
      desc(announcement.id),
    );
  }

  async findListRow(id: string): Promise<AnnouncementListRow | undefined> {
    const [row] = await this.listQuery(eq(announcement.id, id)).limit(1);
    return row;
  }

  async find(id: string): Promise<AnnouncementRow | undefined> {
    const [row] = await this.db.select().from(announcement).where(eq(announcement.id, id)).limit(1);
    return row;
  }

  /** Published announcements of a school: school-wide when collegeId is null, else one college's. */
  listPublished(schoolId: string, collegeId: string | null, limit: number) {
    return this.db
      .select({
        id: announcement.id,
        title: announcement.title,
        bodyHtml: announcement.bodyHtml,
        publishedAt: announcement.publishedAt,
      })
      .from(announcement)
      .where(
        and(
          eq(announcement.schoolId, schoolId),
          collegeId ? eq(announcement.collegeId, collegeId) : isNull(announcement.collegeId),
          isNotNull(announcement.publishedAt),
        ),
      )
      .orderBy(desc(announcement.publishedAt), desc(announcement.id))
      .limit(limit);
  }

  async insert(
    values: AnnouncementValues & {
      schoolId: string;
      authorId: string;
      publishedAt: Date | null;
      now: Date;
    },
  ): Promise<string> {
    const { now, ...rest } = values;
    const [row] = await this.db
      .insert(announcement)
      .values({ ...rest, createdAt: now, updatedAt: now })
      .returning({ id: announcement.id });
    if (!row) throw new Error('announcement insert returned no row');
    return row.id;
  }

  async update(
    id: string,
    values: Partial<AnnouncementValues> & { publishedAt?: Date | null; now: Date },
  ): Promise<void> {
    const { now, ...rest } = values;
    await this.db
      .update(announcement)
      .set({ ...rest, updatedAt: now })
      .where(eq(announcement.id, id));
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(announcement).where(eq(announcement.id, id));
  }

  /** The colleges of a school (or one of them) an admin may write for. */
  colleges(schoolId: string, collegeId: string | null) {
    return this.db
      .select({ id: college.id, name: college.name, nameEn: college.nameEn })
      .from(college)
      .where(
        and(
          eq(college.schoolId, schoolId),
          eq(college.disabled, false),
          collegeId ? eq(college.id, collegeId) : undefined,
        ),
      )
      .orderBy(asc(college.name));
  }

  async collegeSchoolId(collegeId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ schoolId: college.schoolId })
      .from(college)
      .where(eq(college.id, collegeId))
      .limit(1);
    return row?.schoolId;
  }
}
