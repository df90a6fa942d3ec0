import { z } from 'zod';
import {
  attendanceSchema,
  examKindSchema,
  rosterReportStateSchema,
  sessionStatusSchema,
} from '../enums.js';
import { defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema, pagingQuerySchema } from './common.js';
import { registrationParamsSchema, ticketRulesSchema } from './tickets.js';

/** A free-text sentence of a candidate or an admin: trimmed, 1 to 500 characters. */
const noteSchema = z.string().trim().min(1).max(500);

/** 身份信息有误: a candidate's report, as the candidate sees it. */
export const myRosterReportSchema = z.object({
  id: idSchema,
  state: rosterReportStateSchema,
  message: z.string(),
  createdAt: isoDateTimeSchema,
  resolutionNote: z.string().nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
});
export type MyRosterReport = z.infer<typeof myRosterReportSchema>;

/**
 * 核对个人身份信息 (docs/journeys.md J3): the roster data of one registration as its candidate checks it.
 * The ID number and the phone leave only masked.
 */
export const identityCheckSchema = z.object({
  registrationId: idSchema,
  candidateName: z.string(),
  maskedIdNumber: z.string().nullable(),
  maskedPhone: z.string().nullable(),
  collegeName: z.string().nullable(),
  examName: z.string(),
  sessionName: z.string(),
  admissionNumber: z.string(),
  hasPhoto: z.boolean(),
  /** The session's status from the server clock; reports are refused once it has ended. */
  status: sessionStatusSchema,
  identityConfirmedAt: isoDateTimeSchema.nullable(),
  /**
   * The newest report of this registration: open (等待管理员处理) or resolved with the admin's
   * note. At most one report is open at a time.
   */
  latestReport: myRosterReportSchema.nullable(),
});
export type IdentityCheck = z.infer<typeof identityCheckSchema>;

export const getMyIdentity = defineRoute({
  method: 'GET',
  path: '/api/me/registrations/:registrationId/identity',
  summary: 'The roster data of one of your registrations to check (核对个人身份信息)',
  tags: ['identity'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: identityCheckSchema,
});

export const confirmMyIdentity = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/identity/confirm',
  summary: '确认信息: the roster data is right (idempotent; the first time is kept)',
  tags: ['identity'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: identityCheckSchema,
});

export const reportBodySchema = z.strictObject({ message: noteSchema });

export const reportMyIdentity = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/identity/reports',
  summary:
    '身份信息有误: report wrong roster data to the admins; while a report is open, a new one replaces its message. Refused once the session has ended.',
  tags: ['identity'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  body: reportBodySchema,
  response: identityCheckSchema,
});

/** What the 模拟考试 page shows after an entry was counted. */
export const mockEntrySchema = z.object({
  registrationId: idSchema,
  /** How often the candidate entered the mock exam, this entry included (第 N 次). */
  count: z.number().int(),
  lastEnteredAt: isoDateTimeSchema,
  examName: z.string(),
  examKind: examKindSchema,
  sessionName: z.string(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  attendance: attendanceSchema,
  rules: ticketRulesSchema,
  noticeText: z.string(),
  serverTime: isoDateTimeSchema,
});
export type MockEntry = z.infer<typeof mockEntrySchema>;

export const enterMockExam = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/mock-entries',
  summary:
    '【模拟考试】不限次数 (docs/journeys.md J4): count one entry; open until the session starts (MOCK_EXAM_CLOSED after), refused when withdrawn',
  tags: ['identity'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: mockEntrySchema,
});

const REPORT_ADMINS = ['college_admin', 'school_admin'] as const;

/** A report as admins list it; admins see the phone so they can call back. */
export const rosterReportViewSchema = z.object({
  id: idSchema,
  state: rosterReportStateSchema,
  registrationId: idSchema.nullable(),
  candidateName: z.string(),
  maskedIdNumber: z.string().nullable(),
  phone: z.string().nullable(),
  collegeName: z.string().nullable(),
  examId: idSchema.nullable(),
  examName: z.string().nullable(),
  sessionName: z.string().nullable(),
  admissionNumber: z.string().nullable(),
  message: z.string(),
  createdAt: isoDateTimeSchema,
  resolutionNote: z.string().nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
  resolverName: z.string().nullable(),
});
export type RosterReportView = z.infer<typeof rosterReportViewSchema>;

export const rosterReportsQuerySchema = pagingQuerySchema.extend({
  state: rosterReportStateSchema.default('open'),
});

export const listRosterReports = defineRoute({
  method: 'GET',
  path: '/api/admin/roster-reports',
  summary:
    "Candidates' reports of wrong roster data (信息纠错), newest first; a college admin sees those of their college",
  tags: ['identity'],
  access: REPORT_ADMINS,
  policy: { foreign: 'hidden' },
  query: rosterReportsQuerySchema,
  response: z.object({ items: z.array(rosterReportViewSchema), total: z.number().int() }),
});

export const reportParamsSchema = z.strictObject({ reportId: idSchema });

export const resolveRosterReport = defineRoute({
  method: 'POST',
  path: '/api/admin/roster-reports/:reportId/resolve',
  summary: 'Mark a report as handled with a note (CONFLICT when it already is)',
  tags: ['identity'],
  access: REPORT_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: reportParamsSchema,
  body: z.strictObject({ note: noteSchema }),
  response: rosterReportViewSchema,
});
