import { z } from 'zod';
import { defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema, okSchema } from './common.js';

/** Longest body accepted before sanitising (characters of HTML). */
export const ANNOUNCEMENT_BODY_MAX = 50_000;
export const ANNOUNCEMENT_TITLE_MAX = 200;

export const ANNOUNCEMENT_STATUSES = ['draft', 'published'] as const;
export const announcementStatusSchema = z.enum(ANNOUNCEMENT_STATUSES);
export type AnnouncementStatus = z.infer<typeof announcementStatusSchema>;

const titleSchema = z.string().trim().min(1).max(ANNOUNCEMENT_TITLE_MAX);
/** Rich text as the editor sends it; the server sanitises it before storing. */
const bodyHtmlSchema = z.string().min(1).max(ANNOUNCEMENT_BODY_MAX);

/** An announcement as the admin console lists it. */
export const adminAnnouncementSchema = z.object({
  id: idSchema,
  title: z.string(),
  /** Sanitised HTML. */
  bodyHtml: z.string(),
  /** null: 全校 (school-wide). */
  collegeId: idSchema.nullable(),
  collegeName: z.string().nullable(),
  collegeNameEn: z.string().nullable(),
  status: announcementStatusSchema,
  publishedAt: isoDateTimeSchema.nullable(),
  authorName: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** False for a college admin looking at a school-wide announcement. */
  canEdit: z.boolean(),
});
export type AdminAnnouncement = z.infer<typeof adminAnnouncementSchema>;

export const announcementTargetSchema = z.object({
  id: idSchema,
  name: z.string(),
  nameEn: z.string().nullable(),
});
export type AnnouncementTarget = z.infer<typeof announcementTargetSchema>;

export const listAdminAnnouncements = defineRoute({
  method: 'GET',
  path: '/api/admin/announcements',
  summary:
    "Announcements an admin sees, newest first: the school's and, for a college admin, their college's",
  tags: ['announcements'],
  access: ['college_admin', 'school_admin'],
  policy: { foreign: 'hidden' },
  response: z.object({
    items: z.array(adminAnnouncementSchema),
    /** Whether the caller may write school-wide (全校) announcements. */
    canWriteSchoolWide: z.boolean(),
    /** The colleges the caller may write for. */
    colleges: z.array(announcementTargetSchema),
  }),
});

/** What an edit changes; publication has its own route. */
export const announcementEditSchema = z.strictObject({
  title: titleSchema,
  bodyHtml: bodyHtmlSchema,
  /** null or absent: school-wide. */
  collegeId: idSchema.nullable().default(null),
});
export type AnnouncementEdit = z.infer<typeof announcementEditSchema>;

export const announcementCreateSchema = announcementEditSchema.extend({
  published: z.boolean().default(false),
});

const announcementParamsSchema = z.strictObject({ announcementId: idSchema });

export const createAnnouncement = defineRoute({
  method: 'POST',
  path: '/api/admin/announcements',
  summary: 'Write an announcement, as a draft or published at once; the body is sanitised',
  tags: ['announcements'],
  access: ['college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND', foreignFor: { college_admin: 'FORBIDDEN' } },
  body: announcementCreateSchema,
  response: adminAnnouncementSchema,
});

export const updateAnnouncement = defineRoute({
  method: 'PUT',
  path: '/api/admin/announcements/:announcementId',
  summary: 'Edit the title, body and college of an announcement; its publication stays',
  tags: ['announcements'],
  access: ['college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: announcementParamsSchema,
  body: announcementEditSchema,
  response: adminAnnouncementSchema,
});

export const setAnnouncementPublished = defineRoute({
  method: 'PUT',
  path: '/api/admin/announcements/:announcementId/published',
  summary: 'Publish an announcement (candidates see it) or take it back to draft',
  tags: ['announcements'],
  access: ['college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: announcementParamsSchema,
  body: z.strictObject({ published: z.boolean() }),
  response: adminAnnouncementSchema,
});

export const deleteAnnouncement = defineRoute({
  method: 'DELETE',
  path: '/api/admin/announcements/:announcementId',
  summary: 'Delete an announcement',
  tags: ['announcements'],
  access: ['college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: announcementParamsSchema,
  response: okSchema,
});

/** A published announcement as a candidate reads it. */
export const myAnnouncementSchema = z.object({
  id: idSchema,
  title: z.string(),
  /** Sanitised HTML. */
  bodyHtml: z.string(),
  publishedAt: isoDateTimeSchema,
});
export type MyAnnouncement = z.infer<typeof myAnnouncementSchema>;

export const listMyAnnouncements = defineRoute({
  method: 'GET',
  path: '/api/me/announcements',
  summary: "Published announcements for the candidate: 学校公告 and their college's 学院公告",
  tags: ['announcements'],
  access: ['candidate'],
  policy: { foreign: 'hidden' },
  response: z.object({
    school: z.array(myAnnouncementSchema),
    college: z.array(myAnnouncementSchema),
  }),
});
