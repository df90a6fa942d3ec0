import { z } from 'zod';
import { attendanceSchema, identityStatusSchema } from '../enums.js';
import { defineDownload, defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema, uploadQuerySchema } from './common.js';

const ROSTER_ADMINS = ['college_admin', 'school_admin'] as const;

/** The columns of a roster file, in template order. */
export const ROSTER_COLUMNS = [
  'name',
  'idNumber',
  'phone',
  'admissionNumber',
  'college',
  'session',
] as const;
export const rosterColumnSchema = z.enum(ROSTER_COLUMNS);
export type RosterColumn = z.infer<typeof rosterColumnSchema>;

/** Header titles of the template's first row; either language is accepted on import. */
export const ROSTER_HEADERS: Record<RosterColumn, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机号', en: 'Phone' },
  admissionNumber: { zh: '准考证号', en: 'Admission number' },
  college: { zh: '学院', en: 'College' },
  session: { zh: '考场', en: 'Session' },
};

/** Rows above this are refused as a whole (TOO_MANY_ROWS): split the file. */
export const ROSTER_MAX_ROWS = 20_000;
/** Largest roster file accepted (XLSX or CSV). */
export const ROSTER_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Largest photos zip accepted, and each photo in it. */
export const ROSTER_PHOTOS_MAX_ZIP_BYTES = 500 * 1024 * 1024;
export const ROSTER_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Why a whole file was refused: the `message` of the error's issues (path `file`, or
 * `header.<column>` for a missing column); the web app says each in the admin's language.
 */
export const ROSTER_FILE_ISSUES = [
  'empty',
  'no_header',
  'no_sheet',
  'bad_xlsx',
  'bad_encoding',
  'open_quote',
  'old_xls',
  'not_spreadsheet',
  'too_many_rows',
  'missing_column',
] as const;
export type RosterFileIssue = (typeof ROSTER_FILE_ISSUES)[number];

/** Why a row was refused; the web app explains each code in the admin's language. */
export const ROSTER_ROW_ERRORS = [
  'required',
  'invalid_name',
  'invalid_id_number',
  'invalid_phone',
  'invalid_admission_number',
  'formula_not_allowed',
  'duplicate_in_file',
  'unknown_session',
  'unknown_college',
  'college_out_of_scope',
  'admission_number_taken',
  'phone_taken',
] as const;
export const rosterRowErrorCodeSchema = z.enum(ROSTER_ROW_ERRORS);
export type RosterRowErrorCode = z.infer<typeof rosterRowErrorCodeSchema>;

export const rosterRowErrorSchema = z.object({
  /** The line in the file as a spreadsheet shows it (the header is line 1). */
  line: z.number().int().min(1),
  column: rosterColumnSchema.nullable(),
  code: rosterRowErrorCodeSchema,
  /** The offending value, cut to 100 characters; null for a missing one. */
  value: z.string().nullable(),
});
export type RosterRowError = z.infer<typeof rosterRowErrorSchema>;

/**
 * validate: only report; all: import only if every row is valid; valid_rows: import the valid
 * rows and skip the bad ones.
 */
export const rosterImportModeSchema = z.enum(['validate', 'all', 'valid_rows']);
export type RosterImportMode = z.infer<typeof rosterImportModeSchema>;

export const rosterImportResultSchema = z.object({
  mode: rosterImportModeSchema,
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** Rows with at least one error. */
  errorRows: z.number().int(),
  /** Every error, at most 1,000 (errorCount says how many there were). */
  errors: z.array(rosterRowErrorSchema),
  errorCount: z.number().int(),
  imported: z.boolean(),
  /** Registrations created, updated (changed data) and left as they were. */
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type RosterImportResult = z.infer<typeof rosterImportResultSchema>;

export const examRosterParamsSchema = z.strictObject({ examId: idSchema });

export const importRoster = defineRoute({
  method: 'POST',
  path: '/api/admin/exams/:examId/roster',
  summary:
    'Import a roster (XLSX or CSV, raw body): name, ID number, phone, admission number, college, session. A re-import updates and never duplicates.',
  tags: ['roster'],
  access: ROSTER_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  upload: true,
  params: examRosterParamsSchema,
  query: uploadQuerySchema.extend({ mode: rosterImportModeSchema }),
  response: rosterImportResultSchema,
});

export const rosterPhotosResultSchema = z.object({
  /** Photos stored as a candidate's reference photo. */
  matched: z.number().int(),
  /** Entry names that match no ID number or admission number of this exam. */
  unmatched: z.array(z.string()),
  /** Entries refused, with the reason (not an image, too large). */
  rejected: z.array(z.object({ name: z.string(), reason: z.enum(['not_an_image', 'too_large']) })),
});
export type RosterPhotosResult = z.infer<typeof rosterPhotosResultSchema>;

export const importRosterPhotos = defineRoute({
  method: 'POST',
  path: '/api/admin/exams/:examId/roster/photos',
  summary:
    'Reference photos as a zip (raw body) of PNG/JPEG files named by ID number or admission number',
  tags: ['roster'],
  access: ROSTER_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  upload: true,
  params: examRosterParamsSchema,
  query: uploadQuerySchema,
  response: rosterPhotosResultSchema,
});

export const registrationPhotoSchema = z.object({
  registrationId: idSchema,
  hasPhoto: z.literal(true),
});
export type RegistrationPhoto = z.infer<typeof registrationPhotoSchema>;

export const setRegistrationPhoto = defineRoute({
  method: 'PUT',
  path: '/api/admin/registrations/:registrationId/photo',
  summary:
    'Upload or replace one candidate’s reference photo (raw PNG or JPEG body, at most 5 MB; the same checks as the zip)',
  tags: ['roster'],
  access: ROSTER_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  upload: true,
  params: z.strictObject({ registrationId: idSchema }),
  query: uploadQuerySchema,
  response: registrationPhotoSchema,
});

/** Binary route: the template to fill in, `?format=xlsx|csv`, with the exam's session names. */
export const ROSTER_TEMPLATE_PATH = '/api/admin/exams/:examId/roster/template';
export const rosterTemplateQuerySchema = z.strictObject({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export const rosterTemplateFile = defineDownload({
  method: 'GET',
  path: ROSTER_TEMPLATE_PATH,
  access: ROSTER_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examRosterParamsSchema,
  query: rosterTemplateQuerySchema,
});

/** One candidate of a session as staff see them: attendance, identity review, confirmation. */
export const sessionRosterEntrySchema = z.object({
  registrationId: idSchema,
  userId: idSchema,
  candidateName: z.string(),
  maskedIdNumber: z.string().nullable(),
  phone: z.string().nullable(),
  admissionNumber: z.string(),
  collegeName: z.string().nullable(),
  hasPhoto: z.boolean(),
  attendance: attendanceSchema,
  attendanceChangedAt: isoDateTimeSchema.nullable(),
  identityStatus: identityStatusSchema,
  identityConfirmedAt: isoDateTimeSchema.nullable(),
  mockEntryCount: z.number().int(),
});
export type SessionRosterEntry = z.infer<typeof sessionRosterEntrySchema>;

export const sessionRosterSchema = z.object({
  sessionId: idSchema,
  sessionName: z.string(),
  examName: z.string(),
  counts: z.object({
    total: z.number().int(),
    confirmed: z.number().int(),
    withdrawn: z.number().int(),
    pending: z.number().int(),
  }),
  items: z.array(sessionRosterEntrySchema),
});
export type SessionRoster = z.infer<typeof sessionRosterSchema>;

export const getSessionRoster = defineRoute({
  method: 'GET',
  path: '/api/sessions/:sessionId/roster',
  summary:
    "A session's candidates with attendance (确认参加/放弃), identity review and confirmation; admins in scope and the session's assigned staff",
  tags: ['roster'],
  access: ['examiner', 'proctor', 'college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: z.strictObject({ sessionId: idSchema }),
  response: sessionRosterSchema,
});
