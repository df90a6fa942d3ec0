import { z } from 'zod';
import { answerSchema } from '../questions/answer-schema.js';
import { candidateQuestionSchema } from '../questions/candidate-view.js';
import { defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema } from './common.js';
import { submitFaceStatusSchema } from './submit-face.js';
import { registrationParamsSchema } from './tickets.js';

/** Why an attempt was submitted: by the candidate, at the deadline, after inactivity, by staff. */
export const SUBMIT_REASONS = ['manual', 'deadline', 'inactivity', 'forced'] as const;
export const submitReasonSchema = z.enum(SUBMIT_REASONS);
export type SubmitReason = z.infer<typeof submitReasonSchema>;

export const attemptStateSchema = z.enum(['in_progress', 'submitted', 'marked']);

export const attemptQuestionSchema = z.object({
  paperQuestionId: idSchema,
  /** 第 n 题, counted over the whole attempt in its order. */
  number: z.number().int().positive(),
  points: z.number(),
  question: candidateQuestionSchema,
  /** The reading passage this question shares with others (阅读理解, 完形填空), or null. */
  passage: z.object({ id: idSchema, title: z.string(), text: z.string() }).nullable(),
});
export type AttemptQuestion = z.infer<typeof attemptQuestionSchema>;

export const attemptSectionSchema = z.object({
  title: z.string(),
  instructions: z.string(),
  questions: z.array(attemptQuestionSchema),
});

export const savedAnswerSchema = z.object({
  paperQuestionId: idSchema,
  answer: answerSchema,
  seq: z.number().int(),
});

/** A proctor's reminder the candidate has not confirmed yet (issue 15 §2); never who sent it. */
export const attemptWarningSchema = z.object({
  id: idSchema,
  text: z.string(),
  sentAt: isoDateTimeSchema,
});
export type AttemptWarning = z.infer<typeof attemptWarningSchema>;

/** The candidate's attempt: every time comes from the server's clock (attempt-clock.ts). */
export const attemptViewSchema = z.object({
  attemptId: idSchema,
  state: attemptStateSchema,
  title: z.string(),
  startedAt: isoDateTimeSchema,
  deadline: isoDateTimeSchema,
  /** 交卷 is refused before this (the exam's minimum time). */
  submitOpensAt: isoDateTimeSchema,
  /** When inactivity would submit; null when the exam has no such rule. */
  inactivitySubmitAt: isoDateTimeSchema.nullable(),
  sections: z.array(attemptSectionSchema),
  answers: z.array(savedAnswerSchema),
  submittedAt: isoDateTimeSchema.nullable(),
  submitReason: submitReasonSchema.nullable(),
  /** The face check 交卷 needs (the exam's faceCheckAtSubmit rule); null when it needs none. */
  submitFace: submitFaceStatusSchema.nullable(),
  /** Minutes given back after outages, already in `deadline` (absent: none, a mock attempt). */
  compensationMinutes: z.number().int().optional(),
  /** Proctors' reminders still to confirm, oldest first (absent: a mock attempt). */
  warnings: z.array(attemptWarningSchema).optional(),
});
export type AttemptView = z.infer<typeof attemptViewSchema>;

export const myAttemptSchema = z.object({
  serverTime: isoDateTimeSchema,
  /** The paper opens at the session's start (the countdown until then runs on serverTime). */
  opensAt: isoDateTimeSchema,
  /** Whether the exam has a formal paper yet. */
  hasPaper: z.boolean(),
  /** The exam asks for the whole screen to be shared while the paper is open (issue 14 §3). */
  screenShareRequired: z.boolean(),
  /** Copy, cut, paste and the context menu are stopped in the paper (exam rule copyPasteBlocked). */
  copyPasteBlocked: z.boolean(),
  /** AI 监考 in the browser: null when the exam has it off. */
  aiMonitor: z.object({ flagSeconds: z.number().int() }).nullable(),
  attempt: attemptViewSchema.nullable(),
});
export type MyAttempt = z.infer<typeof myAttemptSchema>;

export const getMyAttempt = defineRoute({
  method: 'GET',
  path: '/api/me/registrations/:registrationId/attempt',
  summary: 'The written exam: when it opens, and the attempt with its questions and saved answers',
  tags: ['written-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: myAttemptSchema,
});

export const startMyAttempt = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/attempt/start',
  summary:
    '开始作答: opens the formal attempt once the session started and the check-in is done; again answers the same attempt',
  tags: ['written-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: attemptViewSchema,
});

export const answerParamsSchema = z.strictObject({
  registrationId: idSchema,
  paperQuestionId: idSchema,
});

/** One autosave: the answer and the page's own counter for this question. */
export const saveAnswerBodySchema = z.strictObject({
  answer: answerSchema,
  seq: z.number().int().min(1).max(2_000_000_000),
});

export const saveMyAnswer = defineRoute({
  method: 'PUT',
  path: '/api/me/registrations/:registrationId/attempt/answers/:paperQuestionId',
  summary:
    'Autosave one answer; stored only when its seq is newer, acknowledged after the commit (ANSWER_SEQ_STALE when this or a newer one is stored, its issue naming the stored seq: staleSeqIssue)',
  tags: ['written-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: answerParamsSchema,
  body: saveAnswerBodySchema,
  response: z.object({ seq: z.number().int(), late: z.boolean() }),
});

export const submitMyAttempt = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/attempt/submit',
  summary:
    '交卷: refused before the minimum time (SUBMIT_TOO_EARLY) and, where the exam asks, before the face check (FACE_CHECK_AT_SUBMIT_REQUIRED); objective questions scored at once',
  tags: ['written-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: attemptViewSchema,
});
