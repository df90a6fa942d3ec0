import { z } from 'zod';
import {
  attendanceSchema,
  candidateStandingSchema,
  checkInBlockSchema,
  examKindSchema,
  sessionStatusSchema,
  staffDutySchema,
} from '../enums.js';
import { defineRoute } from './contract.js';
import { idSchema, isMultipleOf, isoDateTimeSchema } from './common.js';
import { loginAlertSchema } from './login-alerts.js';
import { mediaQualitySchema } from './media.js';

/** The rules an exam carries (docs/design.md "The exam model"). */
export const examRulesSchema = z.strictObject({
  faceCheckRequired: z.boolean().default(true),
  faceCheckRetries: z.number().int().min(0).max(10).default(3),
  // docs/face-checks.md: how 0.65 was chosen, and why a mismatch is a flag, never proof.
  faceMatchThreshold: z
    .number()
    .min(0)
    .max(1)
    .refine(isMultipleOf(0.01), 'THRESHOLD_NOT_HUNDREDTH')
    .default(0.65),
  /** 交卷 asks for a face check first (seed 004); a mismatch flags the attempt, never blocks it. */
  faceCheckAtSubmit: z.boolean().default(false),
  /** After 公布成绩, each candidate also sees their answers beside the correct ones. */
  resultAnswersShown: z.boolean().default(false),
  /** 双评: two markers per subjective answer, a third (仲裁) when they differ by more than the threshold. */
  doubleMarking: z.boolean().default(false),
  /** 双评 difference threshold in points (steps of 0.5). */
  markingDifferenceThreshold: z
    .number()
    .min(0)
    .max(1000)
    .refine(isMultipleOf(0.5), 'THRESHOLD_NOT_HALF_STEP')
    .default(2),
  secondCameraRequired: z.boolean().default(false),
  phoneAsPrimaryAllowed: z.boolean().default(false),
  screenShareRequired: z.boolean().default(false),
  /**
   * 禁止复制粘贴: copy, cut, paste and the context menu are stopped in the written paper (each
   * try is still logged); off, they work and are logged.
   */
  copyPasteBlocked: z.boolean().default(false),
  /**
   * AI 监考: the candidate's browser watches the PC camera during a written attempt (no face, a
   * second person, looking away) and logs what holds for `aiFlagSeconds` (issue 15 §1).
   */
  aiMonitorEnabled: z.boolean().default(true),
  aiFlagSeconds: z.number().int().min(2).max(60).default(5),
  /** The video of calls: proctoring quality (a home uplink) unless the exam asks for more. */
  mediaQuality: mediaQualitySchema.default('proctoring'),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable()
    .default(null),
  minMinutesBeforeSubmit: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(0),
  inactivitySubmitMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable()
    .default(null),
  /**
   * Time given back to a candidate whose PC was gone past `outageThresholdSeconds` (the lost
   * time, whole minutes rounded up), at most this much in total; 0: none.
   */
  outageCompensationMaxMinutes: z.number().int().min(0).max(240).default(0),
  /** All of the candidate's PC connections gone this long is an outage (recorded always). */
  outageThresholdSeconds: z.number().int().min(30).max(3600).default(60),
  preEntryMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(30),
  documentsRequired: z.boolean().default(false),
  /** 模拟考试: a submitted mock attempt shows the correct answers beside the candidate's. */
  mockAnswersShown: z.boolean().default(true),
  /** Waiting-room queue order (shared/api/interviews.ts QUEUE_ORDERS); admission number if unset. */
  queueOrder: z.enum(['admission_number', 'arrival']).optional(),
});
export type ExamRules = z.infer<typeof examRulesSchema>;

/**
 * Whether a mock attempt's result shows the correct answers. Rules are stored as JSON: an exam
 * saved before the rule existed has no such key, and gets the rule's default (shown).
 */
export function areMockAnswersShown(rules: { mockAnswersShown?: boolean }): boolean {
  return rules.mockAnswersShown !== false;
}

export const myRegistrationSchema = z.object({
  registrationId: idSchema,
  examId: idSchema,
  examName: z.string(),
  examKind: examKindSchema,
  sessionId: idSchema,
  sessionName: z.string(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  status: sessionStatusSchema,
  admissionNumber: z.string(),
  attendance: attendanceSchema,
  /** 确认信息: when the candidate confirmed the roster data; null until then. */
  identityConfirmedAt: isoDateTimeSchema.nullable(),
  /** Check-in (候考) opens this many minutes before the start. */
  preEntryMinutes: z.number().int(),
  /** 模拟考试: how often the candidate entered the mock exam. */
  mockEntryCount: z.number().int(),
  /** Where the candidate stands (在候考区, 面试中, 面试结束 …), from the server. */
  standing: candidateStandingSchema,
  /** Why 人脸识别 / 进入候考区 cannot be used now; null while they can. */
  checkInBlock: checkInBlockSchema.nullable(),
});
export type MyRegistration = z.infer<typeof myRegistrationSchema>;

export const listMyRegistrations = defineRoute({
  method: 'GET',
  path: '/api/me/registrations',
  summary: "The candidate's exam sessions (我的考场) with their status from the server clock",
  tags: ['exams'],
  access: ['candidate'],
  policy: { foreign: 'hidden' },
  response: z.object({ serverTime: isoDateTimeSchema, items: z.array(myRegistrationSchema) }),
});

/** A session as staff and admins list it: what, when, its status now, how many candidates. */
export const sessionSummarySchema = z.object({
  sessionId: idSchema,
  sessionName: z.string(),
  examName: z.string(),
  examKind: examKindSchema,
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  status: sessionStatusSchema,
  candidateCount: z.number().int(),
});

export const myAssignmentSchema = sessionSummarySchema.extend({ duty: staffDutySchema });
export type MyAssignment = z.infer<typeof myAssignmentSchema>;

export const listMyAssignments = defineRoute({
  method: 'GET',
  path: '/api/me/assignments',
  summary: 'The sessions an examiner or proctor is assigned to',
  tags: ['exams'],
  access: ['examiner', 'proctor'],
  policy: { foreign: 'hidden' },
  response: z.object({ serverTime: isoDateTimeSchema, items: z.array(myAssignmentSchema) }),
});

export const adminOverviewSchema = z.object({
  scope: z.object({ schoolName: z.string().nullable(), collegeName: z.string().nullable() }),
  counts: z.object({
    schools: z.number().int(),
    colleges: z.number().int(),
    exams: z.number().int(),
    sessions: z.number().int(),
    candidates: z.number().int(),
    staff: z.number().int(),
  }),
  sessions: z.array(sessionSummarySchema),
  /** Bursts of failed logins of the last day: someone may be guessing. */
  loginAlerts: z.array(loginAlertSchema),
});
export type AdminOverview = z.infer<typeof adminOverviewSchema>;

export const getAdminOverview = defineRoute({
  method: 'GET',
  path: '/api/admin/overview',
  summary: "An admin's home: counts and sessions within their school or college",
  tags: ['admin'],
  access: ['college_admin', 'school_admin', 'platform_admin'],
  policy: { foreign: 'hidden' },
  response: adminOverviewSchema,
});
