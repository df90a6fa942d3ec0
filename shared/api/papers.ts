import { z } from 'zod';
import { questionContentSchema } from '../questions/question-schema.js';
import { defineRoute } from './contract.js';
import { questionPointsSchema } from './question-bank.js';
import { idSchema, isMultipleOf, isoDateTimeSchema } from './common.js';

// 试卷 (issue 14 §2): an exam's formal paper and its mock paper, made of the bank's questions.
// Saving copies each question into the paper, so editing the bank later moves no paper; saving
// a paper that attempts already sit (the formal one frozen, the mock one practised on) makes its
// next version, and those attempts keep theirs.

const EXAM_ADMINS = ['college_admin', 'school_admin'] as const;

export const paperKindSchema = z.enum(['formal', 'mock']);
export type PaperKind = z.infer<typeof paperKindSchema>;

export const MAX_PAPER_SECTIONS = 20;
export const MAX_SECTION_QUESTIONS = 200;

export const paperSectionBodySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    instructions: z.string().trim().max(4000).default(''),
    shuffleQuestions: z.boolean().default(false),
    shuffleOptions: z.boolean().default(false),
    /**
     * 随机抽题: each candidate gets this many of the section's questions (its pool), drawn from the
     * attempt's seed; null gives everyone all of them. The pool's questions must carry equal points
     * (PAPER_DRAW_POINTS_UNEQUAL), so every candidate's paper is worth the same.
     */
    drawCount: z.number().int().min(1).max(MAX_SECTION_QUESTIONS).nullable().default(null),
    questions: z
      .array(
        z.strictObject({
          bankQuestionId: idSchema,
          /** The question's own default points when left out. */
          points: questionPointsSchema.optional(),
        }),
      )
      .min(1)
      .max(MAX_SECTION_QUESTIONS),
  })
  .refine(
    (section) => section.drawCount === null || section.drawCount <= section.questions.length,
    {
      path: ['drawCount'],
      message: 'DRAW_COUNT_OVER_POOL',
    },
  );

export const paperBodySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    passMark: z
      .number()
      .min(0)
      .max(10_000)
      .refine(isMultipleOf(0.5), 'POINTS_NOT_HALF_STEP')
      .nullable()
      .default(null),
    sections: z.array(paperSectionBodySchema).min(1).max(MAX_PAPER_SECTIONS),
    /** The version this edit started from (null for a new paper): a newer one refuses the save. */
    baseVersion: z.number().int().positive().nullable(),
  })
  .superRefine((body, ctx) => {
    const ids = body.sections.flatMap((section) => section.questions.map((q) => q.bankQuestionId));
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: 'a question is on the paper twice',
      });
    }
  });
export type PaperBody = z.input<typeof paperBodySchema>;

const adminPaperQuestionSchema = z.object({
  paperQuestionId: idSchema,
  bankQuestionId: idSchema.nullable(),
  points: z.number(),
  content: questionContentSchema,
  passage: z.object({ id: idSchema, title: z.string(), text: z.string() }).nullable(),
});

/** A paper as the admin edits and previews it: answer keys included. */
export const adminPaperSchema = z.object({
  paperId: idSchema,
  kind: paperKindSchema,
  version: z.number().int(),
  title: z.string(),
  passMark: z.number().nullable(),
  /** Every candidate's paper is worth this: drawn sections count their drawn questions. */
  totalPoints: z.number(),
  /** When the first formal attempt started; a save then makes the next version. */
  frozenAt: isoDateTimeSchema.nullable(),
  /**
   * Attempts that sat this version (formal ones for the formal paper, candidates' practice ones
   * for the mock, which is never frozen): with one or more, a save makes the next version and they keep
   * this one, their answers and results included.
   */
  attemptCount: z.number().int().nonnegative(),
  sections: z.array(
    z.object({
      title: z.string(),
      instructions: z.string(),
      shuffleQuestions: z.boolean(),
      shuffleOptions: z.boolean(),
      drawCount: z.number().int().nullable(),
      /** What the section is worth on each candidate's paper (the drawn questions only). */
      points: z.number(),
      questions: z.array(adminPaperQuestionSchema),
    }),
  ),
});
export type AdminPaper = z.infer<typeof adminPaperSchema>;

export const paperParamsSchema = z.strictObject({ examId: idSchema, kind: paperKindSchema });

export const getExamPaper = defineRoute({
  method: 'GET',
  path: '/api/admin/exams/:examId/papers/:kind',
  summary: "The exam's latest formal or mock paper with its answer keys (null when it has none)",
  tags: ['papers'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: paperParamsSchema,
  response: z.object({ paper: adminPaperSchema.nullable() }),
});

export const saveExamPaper = defineRoute({
  method: 'PUT',
  path: '/api/admin/exams/:examId/papers/:kind',
  summary:
    'Save the paper from bank questions: replaces a paper no attempt sat, makes the next version of one that attempts sat (PAPER_VERSION_CONFLICT when baseVersion is not the latest)',
  tags: ['papers'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: paperParamsSchema,
  body: paperBodySchema,
  response: z.object({ paper: adminPaperSchema }),
});
