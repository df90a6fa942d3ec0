import { z } from 'zod';
import { questionContentSchema, questionTypeSchema } from '../questions/question-schema.js';
import { defineRoute } from './contract.js';
import {
  idSchema,
  isMultipleOf,
  isoDateTimeSchema,
  okSchema,
  pagingQuerySchema,
} from './common.js';

// The question bank (题库, issue 14 §1): a school's questions, optionally of one college, with
// tags, difficulty and default points; reading passages several questions share; XLSX and
// Moodle GIFT import (check, then import the valid rows) and XLSX export in the template's shape.

const BANK_ADMINS = ['college_admin', 'school_admin'] as const;

export const MAX_TAGS = 20;
export const MAX_PASSAGE_LENGTH = 50_000;

export const questionTagSchema = z.string().trim().min(1).max(40);
/** The 题号 of an import file: re-importing the same key updates the question. */
export const externalKeySchema = z.string().trim().min(1).max(64);
export const difficultySchema = z.number().int().min(1).max(5);
/** Points of a question, in the bank and on a paper: above 0, at most 1000, in steps of 0.5 like the marks. */
export const questionPointsSchema = z
  .number()
  .positive()
  .max(1_000)
  .refine(isMultipleOf(0.5), 'POINTS_NOT_HALF_STEP');
export const defaultPointsSchema = questionPointsSchema;

export const bankQuestionSchema = z.object({
  id: idSchema,
  type: questionTypeSchema,
  content: questionContentSchema,
  collegeId: idSchema.nullable(),
  passageId: idSchema.nullable(),
  passageTitle: z.string().nullable(),
  tags: z.array(z.string()),
  difficulty: z.number().int().nullable(),
  defaultPoints: z.number(),
  externalKey: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type BankQuestion = z.infer<typeof bankQuestionSchema>;

/** What a create or an edit sends: the whole question, its key included. */
export const bankQuestionInputSchema = z.strictObject({
  content: questionContentSchema,
  tags: z.array(questionTagSchema).max(MAX_TAGS).default([]),
  difficulty: difficultySchema.nullable().default(null),
  defaultPoints: defaultPointsSchema,
  /** null: school-wide; a college admin's questions are always their college's. */
  collegeId: idSchema.nullable().default(null),
  passageId: idSchema.nullable().default(null),
  externalKey: externalKeySchema.nullable().default(null),
});
export type BankQuestionInput = z.input<typeof bankQuestionInputSchema>;

export const listBankQuestionsQuerySchema = pagingQuerySchema.extend({
  type: questionTypeSchema.optional(),
  tag: questionTagSchema.optional(),
  difficulty: z.coerce.number().int().min(1).max(5).optional(),
  /** Matches the stem, the 题号 and the tags. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type ListBankQuestionsQuery = z.input<typeof listBankQuestionsQuerySchema>;

const questionParamsSchema = z.strictObject({ questionId: idSchema });
const passageParamsSchema = z.strictObject({ passageId: idSchema });

export const listBankQuestions = defineRoute({
  method: 'GET',
  path: '/api/admin/question-bank/questions',
  summary:
    'Questions of the bank the admin manages, newest first, filtered by type, tag, difficulty and text',
  tags: ['question-bank'],
  access: BANK_ADMINS,
  policy: { foreign: 'hidden' },
  query: listBankQuestionsQuerySchema,
  response: z.object({
    items: z.array(bankQuestionSchema),
    total: z.number().int(),
    /** Every tag of the questions in reach, for the filter. */
    tags: z.array(z.string()),
  }),
});

export const getBankQuestion = defineRoute({
  method: 'GET',
  path: '/api/admin/question-bank/questions/:questionId',
  summary: 'One question of the bank with its answer key',
  tags: ['question-bank'],
  access: BANK_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: questionParamsSchema,
  response: bankQuestionSchema,
});

export const createBankQuestion = defineRoute({
  method: 'POST',
  path: '/api/admin/question-bank/questions',
  summary: 'Add a question of any type to the bank',
  tags: ['question-bank'],
  access: BANK_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  body: bankQuestionInputSchema,
  response: bankQuestionSchema,
});

export const updateBankQuestion = defineRoute({
  method: 'PUT',
  path: '/api/admin/question-bank/questions/:questionId',
  summary: 'Replace a question; papers keep the copy they took',
  tags: ['question-bank'],
  access: BANK_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: questionParamsSchema,
  body: bankQuestionInputSchema,
  response: bankQuestionSchema,
});

export const deleteBankQuestion = defineRoute({
  method: 'DELETE',
  path: '/api/admin/question-bank/questions/:questionId',
  summary: 'Delete a question from the bank; papers keep the copy they took',
  tags: ['question-bank'],
  access: BANK_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: questionParamsSchema,
  response: okSchema,
});

export const bankPassageSchema = z.object({
  id: idSchema,
  title: z.string(),
  text: z.string(),
  collegeId: idSchema.nullable(),
  /** Questions of the bank that use it. */
  questionCount: z.number().int(),
  createdAt: isoDateTimeSchema,
});
export type BankPassage = z.infer<typeof bankPassageSchema>;

export const bankPassageInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(MAX_PASSAGE_LENGTH),
  collegeId: idSchema.nullable().default(null),
});
export type BankPassageInput = z.input<typeof bankPassageInputSchema>;

export const listBankPassages = defineRoute({
  method: 'GET',
  path: '/api/admin/question-bank/passages',
  summary: 'Reading passages (阅读材料) of the bank in reach, by title',
  tags: ['question-bank'],
  access: BANK_ADMINS,
  policy: { foreign: 'hidden' },
  response: z.object({ items: z.array(bankPassageSchema) }),
});

export const createBankPassage = defineRoute({
  method: 'POST',
  path: '/api/admin/question-bank/passages',
  summary: 'Add a reading passage several questions can share (阅读理解, 完形填空)',
  tags: ['question-bank'],
  access: BANK_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  body: bankPassageInputSchema,
  response: bankPassageSchema,
});

export const updateBankPassage = defineRoute({
  method: 'PUT',
  path: '/api/admin/question-bank/passages/:passageId',
  summary: 'Edit a reading passage',
  tags: ['question-bank'],
  access: BANK_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: passageParamsSchema,
  body: bankPassageInputSchema,
  response: bankPassageSchema,
});
