import { z } from 'zod';
import { attendanceSchema, examKindSchema, sessionStatusSchema } from '../enums.js';
import { defineDownload, defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema } from './common.js';

export const registrationParamsSchema = z.strictObject({ registrationId: idSchema });

/** The rules of an exam a candidate must know before the day. */
export const ticketRulesSchema = z.object({
  durationMinutes: z.number().int().nullable(),
  minMinutesBeforeSubmit: z.number().int(),
  secondCameraRequired: z.boolean(),
  screenShareRequired: z.boolean(),
  preEntryMinutes: z.number().int(),
});

/** 准考证: one registration as the candidate sees and prints it. The ID number is masked. */
export const admissionTicketSchema = z.object({
  registrationId: idSchema,
  schoolName: z.string(),
  examName: z.string(),
  examKind: examKindSchema,
  sessionName: z.string(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  status: sessionStatusSchema,
  candidateName: z.string(),
  maskedIdNumber: z.string().nullable(),
  admissionNumber: z.string(),
  collegeName: z.string().nullable(),
  rules: ticketRulesSchema,
  noticeText: z.string(),
  attendance: attendanceSchema,
  attendanceChangedAt: isoDateTimeSchema.nullable(),
  hasPhoto: z.boolean(),
  serverTime: isoDateTimeSchema,
});
export type AdmissionTicket = z.infer<typeof admissionTicketSchema>;

export const getMyTicket = defineRoute({
  method: 'GET',
  path: '/api/me/registrations/:registrationId/ticket',
  summary: "The candidate's admission ticket (准考证) of one of their own registrations",
  tags: ['tickets'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: admissionTicketSchema,
});

/** 我确认参加 or 我确认放弃; withdrawing is final. */
export const attendanceChangeSchema = z.enum(['confirmed', 'withdrawn']);
export type AttendanceChange = z.infer<typeof attendanceChangeSchema>;

export const setMyAttendance = defineRoute({
  method: 'PUT',
  path: '/api/me/registrations/:registrationId/attendance',
  summary: 'Confirm (确认参加) or withdraw from (确认放弃) one of your own registrations',
  tags: ['tickets'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  body: z.strictObject({ attendance: attendanceChangeSchema }),
  response: admissionTicketSchema,
});

/** Binary route, registered by hand on the server: the candidate's own reference photo. */
export const MY_PHOTO_PATH = '/api/me/registrations/:registrationId/photo';
export const myPhotoFile = defineDownload({
  method: 'GET',
  path: MY_PHOTO_PATH,
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
});
