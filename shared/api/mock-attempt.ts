import { z } from 'zod';
import { correctAnswerSchema, type CorrectAnswer } from '../questions/correct-answer.js';
import { defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema } from './common.js';
import { registrationParamsSchema } from './tickets.js';
import {
  attemptStateSchema,
  attemptViewSchema,
  saveAnswerBodySchema,
  submitReasonSchema,
} from './written-exam.js';

// 模拟考试 (issue 14 §2): unlimited practice attempts at the exam's mock paper before the
// formal attempt starts, each timed from its own start, scored at once, never marked or counted.

/**
 * Why 开始模拟 is refused now (an attempt already open can still be finished): the candidate
 * gave up the exam, the formal attempt has started, or the session is over.
 */
export const MOCK_CLOSED_REASONS = ['withdrawn', 'formal_started', 'ended'] as const;
export const mockClosedReasonSchema = z.enum(MOCK_CLOSED_REASONS);
export type MockClosedReason = z.infer<typeof mockClosedReasonSchema>;

/** One mock attempt as the list shows it; `points` once submitted (objective questions only). */
export const mockAttemptSummarySchema = z.object({
  attemptId: idSchema,
  state: attemptStateSchema,
  startedAt: isoDateTimeSchema,
  deadline: isoDateTimeSchema,
  submittedAt: isoDateTimeSchema.nullable(),
  submitReason: submitReasonSchema.nullable(),
  points: z.number().nullable(),
  /** What the attempt's questions are worth, subjective ones included. */
  maxPoints: z.number(),
});
export type MockAttemptSummary = z.infer<typeof mockAttemptSummarySchema>;

export const myMockExamSchema = z.object({
  serverTime: isoDateTimeSchema,
  /** Whether the exam has a mock paper (only written exams have papers). */
  hasMockPaper: z.boolean(),
  closedReason: mockClosedReasonSchema.nullable(),
  /** How long one mock attempt runs from its own start (the exam's duration). */
  durationMinutes: z.number().int(),
  /** Whether a submitted attempt shows the correct answers (the exam's mockAnswersShown). */
  answersShown: z.boolean(),
  /** Newest first. */
  attempts: z.array(mockAttemptSummarySchema),
});
export type MyMockExam = z.infer<typeof myMockExamSchema>;

/** How an answer came out: null verdict and points for a question a marker would score. */
export const verdictSchema = z.enum(['correct', 'partial', 'wrong', 'unanswered']);
export type MockVerdict = z.infer<typeof verdictSchema>;

export { correctAnswerSchema, type CorrectAnswer };

export const mockQuestionResultSchema = z.object({
  paperQuestionId: idSchema,
  number: z.number().int().positive(),
  maxPoints: z.number(),
  /** Null: not scored (essay, file answer). */
  points: z.number().nullable(),
  verdict: verdictSchema.nullable(),
  /** Null when the exam does not show the answers. */
  correct: correctAnswerSchema.nullable(),
});
export type MockQuestionResult = z.infer<typeof mockQuestionResultSchema>;

export const mockResultSchema = z.object({
  points: z.number(),
  maxPoints: z.number(),
  /** What the scored (objective) questions are worth; the rest is not scored in a mock. */
  scoredMaxPoints: z.number(),
  answersShown: z.boolean(),
  /** In the attempt's order. */
  questions: z.array(mockQuestionResultSchema),
});
export type MockResult = z.infer<typeof mockResultSchema>;

export const mockAttemptDetailSchema = z.object({
  serverTime: isoDateTimeSchema,
  attempt: attemptViewSchema,
  /** Once submitted. */
  result: mockResultSchema.nullable(),
});
export type MockAttemptDetail = z.infer<typeof mockAttemptDetailSchema>;

export const mockAttemptParamsSchema = z.strictObject({
  registrationId: idSchema,
  attemptId: idSchema,
});

export const mockAnswerParamsSchema = z.strictObject({
  registrationId: idSchema,
  attemptId: idSchema,
  paperQuestionId: idSchema,
});

const BASE = '/api/me/registrations/:registrationId/mock-attempts';

export const listMyMockAttempts = defineRoute({
  method: 'GET',
  path: BASE,
  summary:
    '模拟考试: whether the exam has a mock paper, whether a new attempt may start, and the past attempts with their scores',
  tags: ['mock-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: myMockExamSchema,
});

export const startMyMockAttempt = defineRoute({
  method: 'POST',
  path: BASE,
  summary:
    '开始模拟: a new mock attempt, timed from now; the one in progress when there is one (MOCK_EXAM_CLOSED once the formal attempt started)',
  tags: ['mock-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: mockAttemptDetailSchema,
});

export const getMyMockAttempt = defineRoute({
  method: 'GET',
  path: `${BASE}/:attemptId`,
  summary: 'One mock attempt: its questions and saved answers, and its result once submitted',
  tags: ['mock-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: mockAttemptParamsSchema,
  response: mockAttemptDetailSchema,
});

export const saveMyMockAnswer = defineRoute({
  method: 'PUT',
  path: `${BASE}/:attemptId/answers/:paperQuestionId`,
  summary:
    "Autosave one answer of a mock attempt, as the formal attempt's (newer seq only, ANSWER_SEQ_STALE with the stored seq, ATTEMPT_CLOSED)",
  tags: ['mock-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: mockAnswerParamsSchema,
  body: saveAnswerBodySchema,
  response: z.object({ seq: z.number().int(), late: z.boolean() }),
});

export const submitMyMockAttempt = defineRoute({
  method: 'POST',
  path: `${BASE}/:attemptId/submit`,
  summary: '交卷 of a mock attempt, at any time: scored at once, the result in the answer',
  tags: ['mock-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: mockAttemptParamsSchema,
  response: mockAttemptDetailSchema,
});
