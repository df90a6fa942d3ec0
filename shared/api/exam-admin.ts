import { z } from 'zod';
import { examKindSchema, sessionStatusSchema } from '../enums.js';
import { defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema, okSchema } from './common.js';
import { examRulesSchema } from './exams.js';

/** Platform admins are refused for now: they belong to no school an exam could belong to. */
const EXAM_ADMINS = ['college_admin', 'school_admin'] as const;

/** At most this many examiners sit on one interview panel. */
export const MAX_PANEL_EXAMINERS = 7;
/** Waiting-room examiners and proctors per session; a sanity bound, not a business rule. */
export const MAX_STAFF_PER_DUTY = 50;

// ---- Exams ----------------------------------------------------------------------------------

/** The 考试ID candidates type on the exam-ID login: letters, digits, '-' and '_'. */
export const examCodeSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'INVALID_EXAM_CODE');

/** Body of creating or editing an exam; the whole exam is sent each time. */
export const examBodySchema = z
  .strictObject({
    code: examCodeSchema,
    name: z.string().trim().min(1).max(100),
    kind: examKindSchema,
    /** null: the whole school's exam (school admins only); a college admin's exam is their college's. */
    collegeId: idSchema.nullable().default(null),
    rules: examRulesSchema,
    pledgeText: z.string().trim().max(5000).default(''),
    noticeText: z.string().trim().max(5000).default(''),
  })
  .superRefine((body, context) => {
    const { durationMinutes, minMinutesBeforeSubmit } = body.rules;
    if (durationMinutes !== null && minMinutesBeforeSubmit > durationMinutes) {
      context.addIssue({
        code: 'custom',
        path: ['rules', 'minMinutesBeforeSubmit'],
        message: 'MIN_SUBMIT_AFTER_DURATION',
      });
    }
  });
export type ExamBody = z.input<typeof examBodySchema>;

export const adminExamSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  kind: examKindSchema,
  collegeId: idSchema.nullable(),
  collegeName: z.string().nullable(),
  rules: examRulesSchema,
  pledgeText: z.string(),
  noticeText: z.string(),
  sessionCount: z.number().int(),
  registrationCount: z.number().int(),
  createdAt: isoDateTimeSchema,
});
export type AdminExam = z.infer<typeof adminExamSchema>;

export const examParams = z.strictObject({ examId: idSchema });

export const listAdminExams = defineRoute({
  method: 'GET',
  path: '/api/admin/exams',
  summary: "The exams an admin manages (a college admin: their college's) and the colleges to pick",
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'hidden' },
  response: z.object({
    items: z.array(adminExamSchema),
    colleges: z.array(z.object({ id: idSchema, name: z.string() })),
  }),
});

export const getAdminExam = defineRoute({
  method: 'GET',
  path: '/api/admin/exams/:examId',
  summary: 'One exam with its rules',
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  response: adminExamSchema,
});

export const createExam = defineRoute({
  method: 'POST',
  path: '/api/admin/exams',
  summary: 'Create an exam; its 考试ID is unique within the school (DUPLICATE)',
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'VALIDATION_FAILED', foreignFor: { college_admin: 'FORBIDDEN' } },
  body: examBodySchema,
  response: adminExamSchema,
});

export const updateExam = defineRoute({
  method: 'PUT',
  path: '/api/admin/exams/:examId',
  summary: 'Replace an exam’s name, 考试ID, kind, college, rules, pledge and notice',
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  body: examBodySchema,
  response: adminExamSchema,
});

export const deleteExam = defineRoute({
  method: 'DELETE',
  path: '/api/admin/exams/:examId',
  summary: 'Delete an exam and its sessions; refused (CONFLICT) once candidates are registered',
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  response: okSchema,
});

// ---- Sessions (考场) ------------------------------------------------------------------------

export const sessionBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
});
export type SessionBody = z.input<typeof sessionBodySchema>;

export const adminSessionSchema = z.object({
  id: idSchema,
  examId: idSchema,
  name: z.string(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  /** From the server clock and the exam's pre-entry minutes. */
  status: sessionStatusSchema,
  candidateCount: z.number().int(),
  staffCount: z.number().int(),
});
export type AdminSession = z.infer<typeof adminSessionSchema>;

export const sessionParams = z.strictObject({ sessionId: idSchema });

export const listExamSessions = defineRoute({
  method: 'GET',
  path: '/api/admin/exams/:examId/sessions',
  summary: 'The sessions (考场) of an exam with their status from the server clock',
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  response: z.object({ serverTime: isoDateTimeSchema, items: z.array(adminSessionSchema) }),
});

export const createSession = defineRoute({
  method: 'POST',
  path: '/api/admin/exams/:examId/sessions',
  summary: 'Add a session to an exam; the end must be after the start (INVALID_TIME_RANGE)',
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  body: sessionBodySchema,
  response: adminSessionSchema,
});

export const updateSession = defineRoute({
  method: 'PUT',
  path: '/api/admin/sessions/:sessionId',
  summary: 'Rename or reschedule a session; an ended session keeps its times (CONFLICT)',
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: sessionParams,
  body: sessionBodySchema,
  response: adminSessionSchema,
});

export const deleteSession = defineRoute({
  method: 'DELETE',
  path: '/api/admin/sessions/:sessionId',
  summary: 'Delete a session; refused (CONFLICT) once candidates are registered in it',
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: sessionParams,
  response: okSchema,
});

// ---- Staff assignments ----------------------------------------------------------------------

const uniqueIds = (max: number) =>
  z
    .array(idSchema)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, 'DUPLICATE_STAFF');

/** Who does what in one session; saving replaces the whole set. */
export const sessionStaffBodySchema = z
  .strictObject({
    waitingExaminerIds: uniqueIds(MAX_STAFF_PER_DUTY),
    panelExaminerIds: uniqueIds(MAX_PANEL_EXAMINERS),
    /** The 主考官: one of the panel examiners, or nobody. */
    panelChairId: idSchema.nullable(),
    proctorIds: uniqueIds(MAX_STAFF_PER_DUTY),
    /** 阅卷人: examiners who mark the exam's written answers (written exams only). */
    markerIds: uniqueIds(MAX_STAFF_PER_DUTY).default([]),
  })
  .superRefine((body, context) => {
    if (body.panelChairId !== null && !body.panelExaminerIds.includes(body.panelChairId)) {
      context.addIssue({
        code: 'custom',
        path: ['panelChairId'],
        message: 'CHAIR_NOT_ON_PANEL',
      });
    }
  });
export type SessionStaffBody = z.input<typeof sessionStaffBodySchema>;

export const staffOptionSchema = z.object({
  id: idSchema,
  name: z.string(),
  username: z.string().nullable(),
  role: z.enum(['examiner', 'proctor']),
  collegeName: z.string().nullable(),
});
export type StaffOption = z.infer<typeof staffOptionSchema>;

export const sessionStaffSchema = z.object({
  sessionId: idSchema,
  examKind: examKindSchema,
  waitingExaminerIds: z.array(idSchema),
  panelExaminerIds: z.array(idSchema),
  panelChairId: idSchema.nullable(),
  proctorIds: z.array(idSchema),
  markerIds: z.array(idSchema),
  /** The examiners and proctors the admin may assign, plus whoever is assigned already. */
  options: z.array(staffOptionSchema),
});
export type SessionStaff = z.infer<typeof sessionStaffSchema>;

export const getSessionStaff = defineRoute({
  method: 'GET',
  path: '/api/admin/sessions/:sessionId/staff',
  summary: 'The staff of a session by duty and the staff who may be assigned',
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: sessionParams,
  response: sessionStaffSchema,
});

export const setSessionStaff = defineRoute({
  method: 'PUT',
  path: '/api/admin/sessions/:sessionId/staff',
  summary:
    'Replace the staff of a session: examiner duties go to examiners, proctor duties to ' +
    'proctors, of the same school (a college admin: their college); 1–7 panel examiners for ' +
    'an interview, the chair among them; 阅卷人 for written exams only (MARKERS_WRITTEN_ONLY)',
  tags: ['exam-admin'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: sessionParams,
  body: sessionStaffBodySchema,
  response: sessionStaffSchema,
});
