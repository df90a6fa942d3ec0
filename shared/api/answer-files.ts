import { z } from 'zod';
import { defineDownload, defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema, uploadQuerySchema } from './common.js';
import { PAIRED_PHONE_ONLY } from './phone.js';
import { registrationParamsSchema } from './tickets.js';

// 上传作答 (issue 14 §1): photos of handwritten work for a file question, uploaded into the
// candidate's own open attempt from the PC or the paired phone, and shown to the markers.

/** Where a photo came from. */
export const ANSWER_FILE_SOURCES = ['pc', 'phone'] as const;
export const answerFileSourceSchema = z.enum(ANSWER_FILE_SOURCES);
export type AnswerFileSource = z.infer<typeof answerFileSourceSchema>;

/** The largest photo taken (the documents' limit for PNG and JPEG). */
export const ANSWER_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** The image types taken, judged by their content (as identity documents). */
export const ANSWER_FILE_ACCEPT = 'image/jpeg,image/png';

/** One uploaded photo; its id is what the answer `{ type: 'file', fileIds }` names. */
export const answerFileSchema = z.object({
  id: idSchema,
  paperQuestionId: idSchema,
  uploadedVia: answerFileSourceSchema,
  displayName: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: isoDateTimeSchema,
});
export type AnswerFile = z.infer<typeof answerFileSchema>;

/** The photos of the candidate's attempt, and the question the phone is asked to photograph. */
export const myAnswerFilesSchema = z.object({
  files: z.array(answerFileSchema),
  /** 用手机拍照: the file question the paired phone shows its capture button for, if any. */
  phoneCapture: z.object({ paperQuestionId: idSchema, requestedAt: isoDateTimeSchema }).nullable(),
});
export type MyAnswerFiles = z.infer<typeof myAnswerFilesSchema>;

const BASE = '/api/me/registrations/:registrationId/attempt';

export const listMyAnswerFiles = defineRoute({
  method: 'GET',
  path: `${BASE}/files`,
  summary:
    "The photos uploaded into the candidate's own attempt (not removed), from the PC or the phone; empty before the attempt",
  tags: ['answer-files'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: myAnswerFilesSchema,
});

export const answerFileQuestionParamsSchema = z.strictObject({
  registrationId: idSchema,
  paperQuestionId: idSchema,
});

export const uploadMyAnswerFile = defineRoute({
  method: 'POST',
  path: `${BASE}/questions/:paperQuestionId/files`,
  summary:
    'Upload one photo (raw body, JPEG or PNG judged by content) for a file question of your open attempt; at most the question’s maxFiles',
  tags: ['answer-files'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  upload: true,
  params: answerFileQuestionParamsSchema,
  query: uploadQuerySchema,
  response: answerFileSchema,
});

export const answerFileParamsSchema = z.strictObject({
  registrationId: idSchema,
  answerFileId: idSchema,
});

export const removeMyAnswerFile = defineRoute({
  method: 'DELETE',
  path: `${BASE}/files/:answerFileId`,
  summary:
    'Remove one of your photos while the attempt is open (an answer saved earlier still shows it); it no longer counts towards maxFiles',
  tags: ['answer-files'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: answerFileParamsSchema,
  response: myAnswerFilesSchema,
});

export const requestPhoneCapture = defineRoute({
  method: 'PUT',
  path: `${BASE}/phone-capture`,
  summary:
    '用手机拍照: ask the paired phone to take photos for this file question of your open attempt (null: stop asking)',
  tags: ['answer-files'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  body: z.strictObject({ paperQuestionId: idSchema.nullable() }),
  response: myAnswerFilesSchema,
});

export const MY_ANSWER_FILE_PATH = `${BASE}/files/:answerFileId/content`;

export const myAnswerFileContent = defineDownload({
  method: 'GET',
  path: MY_ANSWER_FILE_PATH,
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: answerFileParamsSchema,
});

export const staffAnswerFileParamsSchema = z.strictObject({ answerFileId: idSchema });
export const STAFF_ANSWER_FILE_PATH = '/api/answer-files/:answerFileId/content';

/** For those who may mark the exam (its admins and its 阅卷人); every view is audited. */
export const staffAnswerFileContent = defineDownload({
  method: 'GET',
  path: STAFF_ANSWER_FILE_PATH,
  access: ['examiner', 'college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: staffAnswerFileParamsSchema,
});

/** What the paired phone shows: the question to photograph and how many photos it holds. */
export const phoneCaptureSchema = z.object({
  capture: z
    .object({
      paperQuestionId: idSchema,
      /** The question's number in the candidate's paper (第 N 题). */
      number: z.number().int().min(1),
      maxFiles: z.number().int().min(1),
      fileCount: z.number().int().min(0),
    })
    .nullable(),
});
export type PhoneCapture = z.infer<typeof phoneCaptureSchema>;

export const getPhoneCapture = defineRoute({
  method: 'GET',
  path: '/api/phone/answer-capture',
  summary: '用手机拍照: the file question the PC asked this paired phone to photograph, if any',
  tags: ['answer-files'],
  access: 'public',
  policy: { foreign: 'none', except: PAIRED_PHONE_ONLY },
  response: phoneCaptureSchema,
});

export const uploadPhoneCapture = defineRoute({
  method: 'POST',
  path: '/api/phone/answer-capture/files',
  summary:
    "One photo from the paired phone (raw body) for the question the PC asked for, into the candidate's open attempt",
  tags: ['answer-files'],
  access: 'public',
  policy: { foreign: 'none', except: PAIRED_PHONE_ONLY },
  upload: true,
  query: uploadQuerySchema,
  response: phoneCaptureSchema,
});
