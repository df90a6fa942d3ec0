import { z } from 'zod';

/** Who a user is. Waiting-room and panel examiner are assignments of an examiner, not roles. */
export const ROLES = [
  'candidate',
  'examiner',
  'proctor',
  'college_admin',
  'school_admin',
  'platform_admin',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const STAFF_ROLES = ROLES.filter((role) => role !== 'candidate');
export const ADMIN_ROLES = ['college_admin', 'school_admin', 'platform_admin'] as const;

export const EXAM_KINDS = ['interview', 'written', 'recorded'] as const;
export const examKindSchema = z.enum(EXAM_KINDS);
export type ExamKind = z.infer<typeof examKindSchema>;

/** A session's status is computed from the server clock, never stored. */
export const SESSION_STATUSES = ['not_started', 'check_in_open', 'in_progress', 'ended'] as const;
export const sessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const STAFF_DUTIES = [
  'waiting_examiner',
  'panel_examiner',
  'panel_chair',
  'proctor',
] as const;
export const staffDutySchema = z.enum(STAFF_DUTIES);
export type StaffDuty = z.infer<typeof staffDutySchema>;

export const ATTENDANCE_STATES = ['pending', 'confirmed', 'withdrawn'] as const;
export const attendanceSchema = z.enum(ATTENDANCE_STATES);
export type Attendance = z.infer<typeof attendanceSchema>;

export const SMS_PURPOSES = ['login', 'reset_password'] as const;
export const smsPurposeSchema = z.enum(SMS_PURPOSES);
export type SmsPurpose = z.infer<typeof smsPurposeSchema>;

export const LOCALES = ['zh-CN', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** What a candidate may upload as identity documents; the type is judged by content. */
export const DOCUMENT_KINDS = [
  'word',
  'ppt',
  'excel',
  'pdf',
  'mp3',
  'mp4',
  'png',
  'jpeg',
  'zip',
  'rar',
] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKindSchema>;

/** 身份认证: stored states of a candidate's documents review. */
export const REVIEW_STATES = ['draft', 'pending', 'approved', 'rejected'] as const;
export const reviewStateSchema = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof reviewStateSchema>;
/** What the candidate sees: 未上传 when nothing is uploaded, else the stored state. */
export const identityStatusSchema = z.enum(['not_uploaded', ...REVIEW_STATES]);
export type IdentityStatus = z.infer<typeof identityStatusSchema>;

/** A candidate's report that the roster data is wrong (seed 002: 身份信息有误). */
export const ROSTER_REPORT_STATES = ['open', 'resolved'] as const;
export const rosterReportStateSchema = z.enum(ROSTER_REPORT_STATES);
export type RosterReportState = z.infer<typeof rosterReportStateSchema>;
