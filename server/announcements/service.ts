import type {
  AdminAnnouncement,
  AnnouncementEdit,
  AnnouncementTarget,
  MyAnnouncement,
} from '../../shared/api/announcements.js';
import type { SessionUser } from '../../shared/api/auth.js';
import { adminScope } from '../admin/policy.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { canReadAnnouncement, canWriteAnnouncement, type AnnouncementScope } from './policy.js';
import { presentAdminAnnouncement, presentMyAnnouncement } from './presenter.js';
import type { AnnouncementRow, AnnouncementsRepo } from './repo.js';
import { isBlankHtml, sanitizeAnnouncementHtml } from './sanitize.js';

/** How many announcements of each kind a candidate's home lists. */
const CANDIDATE_LIST_LIMIT = 50;

type AuditAction = 'created' | 'updated' | 'published' | 'unpublished' | 'deleted';

export type { Actor } from '../audit/audit-log.js';

/** 学校公告 and 学院公告: who may write which, sanitised bodies, what candidates see. */
export class AnnouncementsService {
  constructor(
    private readonly repo: AnnouncementsRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async listForAdmin(user: SessionUser): Promise<{
    items: AdminAnnouncement[];
    canWriteSchoolWide: boolean;
    colleges: AnnouncementTarget[];
  }> {
    const scope = scopeOf(user);
    const rows = await this.repo.listForAdmin(scope.schoolId, scope.collegeId);
    return {
      items: rows.map((row) => presentAdminAnnouncement(row, canWriteAnnouncement(scope, row))),
      canWriteSchoolWide: scope.collegeId === null,
      colleges: await this.repo.colleges(scope.schoolId, scope.collegeId),
    };
  }

  async create(
    actor: Actor,
    input: AnnouncementEdit & { published: boolean },
  ): Promise<AdminAnnouncement> {
    const scope = scopeOf(actor.user);
    const values = await this.checkedValues(scope, input);
    const now = this.clock.now();
    const id = await this.repo.insert({
      ...values,
      schoolId: scope.schoolId,
      authorId: actor.user.id,
      publishedAt: input.published ? now : null,
      now,
    });
    await this.record(actor, scope, 'created', id, values.title);
    if (input.published) await this.record(actor, scope, 'published', id, values.title);
    return this.present(scope, id);
  }

  async update(actor: Actor, id: string, input: AnnouncementEdit): Promise<AdminAnnouncement> {
    const scope = scopeOf(actor.user);
    await this.findWritable(scope, id);
    const values = await this.checkedValues(scope, input);
    await this.repo.update(id, { ...values, now: this.clock.now() });
    await this.record(actor, scope, 'updated', id, values.title);
    return this.present(scope, id);
  }

  async setPublished(actor: Actor, id: string, published: boolean): Promise<AdminAnnouncement> {
    const scope = scopeOf(actor.user);
    const row = await this.findWritable(scope, id);
    // Publishing again keeps the first date, so candidates do not see it jump to the top.
    if (published !== (row.publishedAt !== null)) {
      const now = this.clock.now();
      await this.repo.update(id, { publishedAt: published ? now : null, now });
      await this.record(actor, scope, published ? 'published' : 'unpublished', id, row.title);
    }
    return this.present(scope, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const scope = scopeOf(actor.user);
    const row = await this.findWritable(scope, id);
    await this.repo.delete(id);
    await this.record(actor, scope, 'deleted', id, row.title);
  }

  /** The published announcements a candidate may read: the school's and their college's. */
  async listForCandidate(
    user: SessionUser,
  ): Promise<{ school: MyAnnouncement[]; college: MyAnnouncement[] }> {
    if (!user.schoolId) return { school: [], college: [] };
    const school = await this.repo.listPublished(user.schoolId, null, CANDIDATE_LIST_LIMIT);
    const college = user.collegeId
      ? await this.repo.listPublished(user.schoolId, user.collegeId, CANDIDATE_LIST_LIMIT)
      : [];
    return { school: presentAll(school), college: presentAll(college) };
  }

  /** Sanitises the body and checks that the caller may write for the chosen college. */
  private async checkedValues(scope: AnnouncementScope, input: AnnouncementEdit) {
    const target = { schoolId: scope.schoolId, collegeId: input.collegeId };
    if (!canWriteAnnouncement(scope, target)) throw AppError.forbidden('announcement scope');
    if (input.collegeId && (await this.repo.collegeSchoolId(input.collegeId)) !== scope.schoolId) {
      throw AppError.notFound('college');
    }
    const bodyHtml = sanitizeAnnouncementHtml(input.bodyHtml);
    if (isBlankHtml(bodyHtml)) throw AppError.of('VALIDATION_FAILED', 'empty announcement body');
    return { title: input.title, bodyHtml, collegeId: input.collegeId };
  }

  /** Another college's announcement does not exist for a college admin; the school's is read-only. */
  private async findWritable(scope: AnnouncementScope, id: string): Promise<AnnouncementRow> {
    const row = await this.repo.find(id);
    if (!row || !canReadAnnouncement(scope, row)) throw AppError.notFound('announcement');
    if (!canWriteAnnouncement(scope, row)) throw AppError.forbidden('announcement scope');
    return row;
  }

  private async present(scope: AnnouncementScope, id: string): Promise<AdminAnnouncement> {
    const row = await this.repo.findListRow(id);
    if (!row) throw AppError.notFound('announcement');
    return presentAdminAnnouncement(row, canWriteAnnouncement(scope, row));
  }

  private record(
    actor: Actor,
    scope: AnnouncementScope,
    action: AuditAction,
    id: string,
    title: string,
  ): Promise<void> {
    return this.audit.recordBy(actor, {
      schoolId: scope.schoolId,
      action: `announcement.${action}`,
      targetType: 'announcement',
      targetId: id,
      detail: title,
    });
  }
}

/** Announcements belong to a school; a platform admin (no school) has none to manage. */
function scopeOf(user: SessionUser): AnnouncementScope {
  const scope = adminScope(user);
  if (scope.schoolId === null) throw AppError.forbidden('no school');
  return { schoolId: scope.schoolId, collegeId: scope.collegeId };
}

function presentAll(rows: Parameters<typeof presentMyAnnouncement>[0][]): MyAnnouncement[] {
  return rows.flatMap((row) => presentMyAnnouncement(row) ?? []);
}
