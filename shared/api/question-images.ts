import { z } from 'zod';
import { defineDownload, defineRoute } from './contract.js';
import { idSchema, uploadQuerySchema } from './common.js';

// Pictures in questions (issue 14 §1): uploaded in the bank's editor, checked by content (PNG or
// JPEG decoded to the last pixel, re-encoded without metadata), referred to from the text as
// `![说明](image:<id>)`. Staff load them through the bank's reach or an exam's paper in reach;
// a candidate only those of the papers they sit or practise.

const BANK_ADMINS = ['college_admin', 'school_admin'] as const;

/** Largest picture accepted, in bytes. */
export const QUESTION_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Most pixels of a picture (a 4000 × 3000 photo); more is refused as too large. */
export const QUESTION_IMAGE_MAX_PIXELS = 12_000_000;

export const questionImageSchema = z.object({
  id: idSchema,
  mimeType: z.enum(['image/png', 'image/jpeg']),
  width: z.number().int(),
  height: z.number().int(),
});
export type QuestionImage = z.infer<typeof questionImageSchema>;

export const questionImageParamsSchema = z.strictObject({ imageId: idSchema });

export const uploadQuestionImage = defineRoute({
  method: 'POST',
  path: '/api/admin/question-bank/images',
  summary:
    'Upload a picture for a question (raw body, PNG or JPEG); refer to it as ![说明](image:<id>)',
  tags: ['question-bank'],
  access: BANK_ADMINS,
  policy: { foreign: 'none' },
  upload: true,
  query: uploadQuerySchema,
  response: questionImageSchema,
});

export const BANK_IMAGE_FILE_PATH = '/api/admin/question-bank/images/:imageId';
export const MY_QUESTION_IMAGE_FILE_PATH = '/api/me/question-images/:imageId';

export const bankImageFile = defineDownload({
  method: 'GET',
  path: BANK_IMAGE_FILE_PATH,
  // Examiners: the pictures of the exams they mark (阅卷人), nothing else.
  access: [...BANK_ADMINS, 'examiner'],
  policy: { foreign: 'NOT_FOUND' },
  params: questionImageParamsSchema,
});

export const myQuestionImageFile = defineDownload({
  method: 'GET',
  path: MY_QUESTION_IMAGE_FILE_PATH,
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: questionImageParamsSchema,
});
