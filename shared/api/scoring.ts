import { z } from 'zod';
import { defineDownload, defineRoute } from './contract.js';
import { idSchema, isMultipleOf, isoDateTimeSchema } from './common.js';

/** Who edits scoring forms and reads results: the exam's admins (as for the exam itself). */
const EXAM_ADMINS = ['college_admin', 'school_admin'] as const;
/** Who scores: examiners; the session assignment (panel duty) is checked by the server. */
const EXAMINERS = ['examiner'] as const;

export const MAX_CRITERIA = 20;
/** Points of one criterion are multiples of this. */
export const POINTS_STEP = 0.5;
export const MAX_CRITERION_POINTS = 1000;

/** How the examiners' totals of one candidate become the result. */
export const AGGREGATION_RULES = ['mean', 'trimmed_mean'] as const;
export const aggregationRuleSchema = z.enum(AGGREGATION_RULES);
export type AggregationRule = z.infer<typeof aggregationRuleSchema>;

const isHalfStep = isMultipleOf(POINTS_STEP);

export const criterionSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  maxPoints: z
    .number()
    .positive()
    .max(MAX_CRITERION_POINTS)
    .refine(isHalfStep, 'POINTS_NOT_HALF_STEP'),
  description: z.string().trim().max(500).default(''),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** 评分表: the criteria in order, whether comments are required, and the aggregation rule. */
export const scoringFormBodySchema = z
  .strictObject({
    criteria: z.array(criterionSchema).min(1).max(MAX_CRITERIA),
    commentRequired: z.boolean().default(false),
    aggregation: aggregationRuleSchema.default('mean'),
  })
  .superRefine((body, context) => {
    const seen = new Set<string>();
    body.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.name)) {
        context.addIssue({
          code: 'custom',
          path: ['criteria', index, 'name'],
          message: 'DUPLICATE_CRITERION',
        });
      }
      seen.add(criterion.name);
    });
  });
export type ScoringFormBody = z.output<typeof scoringFormBodySchema>;

export const scoringFormSchema = z.object({
  examId: idSchema,
  criteria: z.array(z.object({ name: z.string(), maxPoints: z.number(), description: z.string() })),
  commentRequired: z.boolean(),
  aggregation: aggregationRuleSchema,
  /** The sum of every criterion's maximum. */
  maxTotal: z.number(),
  updatedAt: isoDateTimeSchema,
});
export type ScoringForm = z.infer<typeof scoringFormSchema>;

const examParams = z.strictObject({ examId: idSchema });
const sessionParams = z.strictObject({ sessionId: idSchema });
const registrationParams = z.strictObject({ registrationId: idSchema });

export const getScoringForm = defineRoute({
  method: 'GET',
  path: '/api/admin/exams/:examId/scoring-form',
  summary: 'The exam’s scoring form (评分表), null if not set, and whether scores lock it',
  tags: ['scoring'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  response: z.object({ form: scoringFormSchema.nullable(), isLocked: z.boolean() }),
});

export const putScoringForm = defineRoute({
  method: 'PUT',
  path: '/api/admin/exams/:examId/scoring-form',
  summary: 'Set the scoring form; refused once any score exists (SCORING_FORM_LOCKED)',
  tags: ['scoring'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  body: scoringFormBodySchema,
  response: z.object({ form: scoringFormSchema, isLocked: z.boolean() }),
});

// ---- Scores ---------------------------------------------------------------------------------

/**
 * Points per criterion, in the form's order; each 0..max in steps of 0.5 (checked by the server).
 * Every criterion needs a value (0 is one): null or a missing entry is refused as
 * SCORE_CRITERION_MISSING, whose issues name the criteria left empty.
 */
export const scoreBodySchema = z.strictObject({
  points: z
    .array(
      z
        .number()
        .min(0)
        .max(MAX_CRITERION_POINTS)
        .refine(isHalfStep, 'POINTS_NOT_HALF_STEP')
        .nullable(),
    )
    .min(1)
    .max(MAX_CRITERIA),
  comment: z.string().trim().max(2000).default(''),
});
export type ScoreBody = z.output<typeof scoreBodySchema>;

export const scoreSchema = z.object({
  examinerId: idSchema,
  examinerName: z.string(),
  points: z.array(z.number()),
  total: z.number(),
  comment: z.string(),
  updatedAt: isoDateTimeSchema,
});
export type ScoreView = z.infer<typeof scoreSchema>;

export const confirmationSchema = z.object({
  aggregate: z.number(),
  scoreCount: z.number().int(),
  confirmedAt: isoDateTimeSchema,
  confirmedByName: z.string(),
});

/**
 * Where a candidate's interview stands, for scoring: an interview exam's candidate can be scored
 * once the interview started; other exams' candidates are always `not_applicable`.
 */
export const INTERVIEW_STAGES = ['not_applicable', 'not_started', 'in_progress', 'done'] as const;
export const interviewStageSchema = z.enum(INTERVIEW_STAGES);
export type InterviewStage = z.infer<typeof interviewStageSchema>;

/** One candidate as a panel examiner sees it on the scoring page. */
export const sessionScoreRowSchema = z.object({
  registrationId: idSchema,
  admissionNumber: z.string(),
  candidateName: z.string(),
  interview: interviewStageSchema,
  myScore: scoreSchema.nullable(),
  /** How many examiners have scored (not who, nor what). */
  scoreCount: z.number().int(),
  confirmation: confirmationSchema.nullable(),
});

export const getSessionScores = defineRoute({
  method: 'GET',
  path: '/api/examiner/sessions/:sessionId/scores',
  summary: 'A panel examiner’s scoring page: the form, the candidates and their own scores',
  tags: ['scoring'],
  access: EXAMINERS,
  policy: { foreign: 'NOT_FOUND' },
  params: sessionParams,
  response: z.object({
    sessionName: z.string(),
    examName: z.string(),
    isChair: z.boolean(),
    form: scoringFormSchema.nullable(),
    items: z.array(sessionScoreRowSchema),
  }),
});

export const putMyScore = defineRoute({
  method: 'PUT',
  path: '/api/examiner/registrations/:registrationId/score',
  summary:
    'Save one’s own score of a candidate; refused once the chair confirmed (SCORES_CONFIRMED)',
  tags: ['scoring'],
  access: EXAMINERS,
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParams,
  body: scoreBodySchema,
  response: scoreSchema,
});

/** The scores of one candidate: all for the chair or after confirmation, else only one's own. */
export const registrationScoresSchema = z.object({
  registrationId: idSchema,
  visibility: z.enum(['own', 'all']),
  scores: z.array(scoreSchema),
  /** Only with visibility 'all': the aggregate per the exam's rule (null without scores). */
  aggregate: z.number().nullable(),
  aggregation: aggregationRuleSchema,
  confirmation: confirmationSchema.nullable(),
});
export type RegistrationScores = z.infer<typeof registrationScoresSchema>;

export const getRegistrationScores = defineRoute({
  method: 'GET',
  path: '/api/examiner/registrations/:registrationId/scores',
  summary: 'One candidate’s scores: every examiner’s for the chair, one’s own for the others',
  tags: ['scoring'],
  access: EXAMINERS,
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParams,
  response: registrationScoresSchema,
});

export const confirmScores = defineRoute({
  method: 'POST',
  path: '/api/examiner/registrations/:registrationId/confirm',
  summary: '确认成绩 (chair only): fixes the aggregate and locks the scores',
  tags: ['scoring'],
  access: EXAMINERS,
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParams,
  response: registrationScoresSchema,
});

// ---- Results --------------------------------------------------------------------------------

export const resultRowSchema = z.object({
  registrationId: idSchema,
  admissionNumber: z.string(),
  candidateName: z.string(),
  sessionName: z.string(),
  scores: z.array(z.object({ examinerName: z.string(), total: z.number() })),
  /** Confirmed aggregate, or the current one while unconfirmed (null without scores). */
  aggregate: z.number().nullable(),
  isConfirmed: z.boolean(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

export const examResultsSchema = z.object({
  examId: idSchema,
  examCode: z.string(),
  examName: z.string(),
  form: scoringFormSchema.nullable(),
  publishedAt: isoDateTimeSchema.nullable(),
  items: z.array(resultRowSchema),
});
export type ExamResults = z.infer<typeof examResultsSchema>;

export const getExamResults = defineRoute({
  method: 'GET',
  path: '/api/admin/exams/:examId/results',
  summary: 'Every registration of the exam with each examiner’s total and the aggregate',
  tags: ['scoring'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  response: examResultsSchema,
});

/** XLSX of the results (binary, so not a JSON contract; same access as getExamResults). */
export const EXAM_RESULTS_XLSX_PATH = '/api/admin/exams/:examId/results.xlsx';
export const examResultsParamsSchema = examParams;
export const examResultsXlsxFile = defineDownload({
  method: 'GET',
  path: EXAM_RESULTS_XLSX_PATH,
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examResultsParamsSchema,
});

export const publishResults = defineRoute({
  method: 'POST',
  path: '/api/admin/exams/:examId/results/publish',
  summary: '公布成绩: candidates see their confirmed aggregate from now on',
  tags: ['scoring'],
  access: EXAM_ADMINS,
  policy: { foreign: 'NOT_FOUND' },
  params: examParams,
  response: z.object({ publishedAt: isoDateTimeSchema }),
});

export const myResultSchema = z.object({
  registrationId: idSchema,
  examName: z.string(),
  aggregate: z.number(),
  maxTotal: z.number(),
  publishedAt: isoDateTimeSchema,
});
export type MyResult = z.infer<typeof myResultSchema>;

export const getMyResults = defineRoute({
  method: 'GET',
  path: '/api/me/results',
  summary: 'The candidate’s published results (confirmed and published exams only)',
  tags: ['scoring'],
  access: ['candidate'],
  policy: { foreign: 'hidden' },
  response: z.object({ items: z.array(myResultSchema) }),
});
