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
  /** 阅卷: marks the exam's written answers; exam-wide, it opens none of the session's views. */
  'marker',
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

/** A candidate's report that the roster data is wrong (docs/journeys.md J3: 身份信息有误). */
export const ROSTER_REPORT_STATES = ['open', 'resolved'] as const;
export const rosterReportStateSchema = z.enum(ROSTER_REPORT_STATES);
export type RosterReportState = z.infer<typeof rosterReportStateSchema>;

/** The check-in steps in the order a candidate takes them (docs/design.md "The exam model": device → face → pledge → phone). */
export const CHECK_IN_STEPS = ['device', 'face', 'pledge', 'phone'] as const;
export const checkInStepSchema = z.enum(CHECK_IN_STEPS);
export type CheckInStep = z.infer<typeof checkInStepSchema>;

/**
 * Where one step stands: `pending` until done; `passed`; `flagged` when the candidate went on
 * after a failure (a face check never blocks by itself; staff review it); `not_required` when the
 * exam's rules leave the step out.
 */
export const STEP_STATES = ['pending', 'passed', 'flagged', 'not_required'] as const;
export const stepStateSchema = z.enum(STEP_STATES);
export type StepState = z.infer<typeof stepStateSchema>;

/** What one face check concluded; everything but `match` is a failure the candidate may retry. */
export const FACE_VERDICTS = [
  'match',
  'mismatch',
  'no_face',
  'multiple_faces',
  'face_too_small',
  'not_frontal',
  'liveness_failed',
  'no_reference',
] as const;
export const faceVerdictSchema = z.enum(FACE_VERDICTS);
export type FaceVerdict = z.infer<typeof faceVerdictSchema>;

/** Where a face check was taken: check-in (PC), the phone when pairing, or 交卷 (issue 14 §3). */
export const FACE_CHECK_SOURCES = ['check_in', 'phone', 'submit'] as const;
export const faceCheckSourceSchema = z.enum(FACE_CHECK_SOURCES);
export type FaceCheckSource = z.infer<typeof faceCheckSourceSchema>;

/**
 * The phone camera as the PC and staff see it: never paired; `live` while its heartbeat arrives;
 * `lost` once the heartbeat has been missing for more than PHONE_LOST_AFTER_MS (the red dot).
 */
export const PHONE_STATES = ['unpaired', 'live', 'lost'] as const;
export const phoneStateSchema = z.enum(PHONE_STATES);
export type PhoneState = z.infer<typeof phoneStateSchema>;
export const PHONE_LOST_AFTER_MS = 10_000;
/** How often the phone page sends its heartbeat. */
export const PHONE_HEARTBEAT_MS = 3_000;

/**
 * Why the exam is over for one candidate (考试已结束): their interview ended (面试结束) or the
 * session's time ran out. The phone stops on it; written exams will add the submitted attempt.
 */
export const EXAM_END_REASONS = ['interview_done', 'session_ended'] as const;
export const examEndReasonSchema = z.enum(EXAM_END_REASONS);
export type ExamEndReason = z.infer<typeof examEndReasonSchema>;

/**
 * Where a candidate stands in one registration (我的考场), computed on the server: before the
 * check-in opens, during check-in, in the 候考区, in the interview, 面试结束, or the session over
 * without an end of their own; `withdrawn` after 确认放弃.
 */
export const CANDIDATE_STANDINGS = [
  'withdrawn',
  'not_started',
  'check_in',
  'waiting',
  'interviewing',
  'interview_done',
  'ended',
] as const;
export const candidateStandingSchema = z.enum(CANDIDATE_STANDINGS);
export type CandidateStanding = z.infer<typeof candidateStandingSchema>;

/**
 * Why 人脸识别 / 进入候考区 cannot be used now, the first thing to clear; `finished` once the
 * exam is over for the candidate (no check-in any more).
 */
export const CHECK_IN_BLOCKS = [
  'withdrawn',
  'attendance_pending',
  'identity_pending',
  'not_open',
  'ended',
  'finished',
] as const;
export const checkInBlockSchema = z.enum(CHECK_IN_BLOCKS);
export type CheckInBlock = z.infer<typeof checkInBlockSchema>;
