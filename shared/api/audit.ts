import { z } from 'zod';
import { defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema, pagingQuerySchema } from './common.js';

/** Actions the admin console records; other domains record their own (auth.login, …). */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.password_changed',
  'auth.password_reset',
  'auth.account_locked',
  'auth.login_failures_burst',
  'college.created',
  'college.renamed',
  'college.disabled',
  'college.enabled',
  'school.time_zone_set',
  'staff.created',
  'staff.disabled',
  'staff.enabled',
  'staff.password_reset',
  'staff.login_unlocked',
  'exam.created',
  'exam.updated',
  'exam.deleted',
  'session.created',
  'session.updated',
  'session.deleted',
  'session.staff_set',
  'announcement.created',
  'announcement.updated',
  'announcement.published',
  'announcement.unpublished',
  'announcement.deleted',
  'registration.confirmed',
  'registration.withdrawn',
  'roster.imported',
  'roster.photos_imported',
  'roster.photo_set',
  'documents.submitted',
  'documents.approved',
  'documents.rejected',
  'registration.identity_confirmed',
  'roster_report.created',
  'roster_report.resolved',
  'check_in.device_checked',
  'check_in.face_checked',
  'check_in.face_flagged',
  'check_in.face_confirmed',
  'check_in.pledge_agreed',
  'phone.paired',
  'phone.face_checked',
  'waiting_room.entered',
  'waiting_room.called',
  'waiting_room.call_ended',
  'waiting_room.examiner_left',
  'waiting_room.marked',
  'interview.invited',
  'interview.invitation_cancelled',
  'interview.accepted',
  'interview.ended',
  'scoring_form.saved',
  'score.saved',
  'scores.confirmed',
  'results.published',
  'attempt.started',
  'attempt.submitted',
  'attempt.time_added',
  'attempt.force_submitted',
  'attempt.warning_sent',
  'attempt.warning_confirmed',
  'attempt.outage_compensated',
  'mock_attempt.started',
  'mock_attempt.submitted',
  'attempt.face_checked',
  'answer.marked',
  'answer_file.viewed',
  'written_results.published',
  'paper.saved',
  'question.created',
  'question.updated',
  'question.deleted',
  'questions.imported',
  'passage.created',
  'passage.updated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  id: idSchema,
  createdAt: isoDateTimeSchema,
  action: z.string(),
  schoolName: z.string().nullable(),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target's current name when it is a user or a college. */
  targetName: z.string().nullable(),
  detail: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const listAuditLogQuerySchema = pagingQuerySchema.extend({
  /** An action, or a prefix of one such as `staff.` */
  action: z.string().trim().max(64).optional(),
  /** Matches the actor's name or username. */
  actor: z.string().trim().max(64).optional(),
  /** Matches the target type, id or name and the detail. */
  q: z.string().trim().max(100).optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
});
export type ListAuditLogQuery = z.infer<typeof listAuditLogQuerySchema>;

export const listAuditLog = defineRoute({
  method: 'GET',
  path: '/api/admin/audit-log',
  summary:
    'Search the audit log, newest first: a school admin sees the school, a college admin what ' +
    'actors of the college did, a platform admin everything',
  tags: ['audit'],
  access: ['college_admin', 'school_admin', 'platform_admin'],
  policy: { foreign: 'hidden' },
  query: listAuditLogQuerySchema,
  response: z.object({
    items: z.array(auditEntrySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});
