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
