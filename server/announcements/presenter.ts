import type { AdminAnnouncement, MyAnnouncement } from '../../shared/api/announcements.js';
import type { AnnouncementListRow } from './repo.js';

/** The admin view of an announcement: an allow-list of fields, times as ISO strings. */
export function presentAdminAnnouncement(
  row: AnnouncementListRow,
  canEdit: boolean,
): AdminAnnouncement {
  return {
    id: row.id,
    title: row.title,
    bodyHtml: row.bodyHtml,
    collegeId: row.collegeId,
    collegeName: row.collegeName,
    collegeNameEn: row.collegeNameEn,
    status: row.publishedAt ? 'published' : 'draft',
    publishedAt: row.publishedAt?.toISOString() ?? null,
    authorName: row.authorName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit,
  };
}

/** What a candidate sees of a published announcement. */
export function presentMyAnnouncement(row: {
  id: string;
  title: string;
  bodyHtml: string;
  publishedAt: Date | null;
}): MyAnnouncement | null {
  if (!row.publishedAt) return null;
  return {
    id: row.id,
    title: row.title,
    bodyHtml: row.bodyHtml,
    publishedAt: row.publishedAt.toISOString(),
  };
}
