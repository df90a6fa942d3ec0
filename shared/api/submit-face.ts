import { z } from 'zod';
import { faceVerdictSchema } from '../enums.js';
import { faceCheckResultSchema, snapshotBase64Schema } from './check-in.js';
import { defineRoute } from './contract.js';
import { registrationParamsSchema } from './tickets.js';

// 交卷时人脸识别 (seed 004, issue 14 §3): where the exam asks for it, 交卷 waits for a face check
// taken within the last minutes. The server decides the verdict; a candidate whose photos are all
// used up without a match still submits, and the attempt shows staff the failed check.

/** A match older than this no longer opens 交卷: the face must be the one submitting. */
export const SUBMIT_FACE_FRESH_MINUTES = 10;

export const submitFaceStatusSchema = z.object({
  attemptsUsed: z.number().int(),
  attemptsAllowed: z.number().int(),
  /** The newest check's verdict since the attempt started, or null before the first. */
  lastVerdict: faceVerdictSchema.nullable(),
  /** A match (or nothing to compare with) within SUBMIT_FACE_FRESH_MINUTES. */
  passed: z.boolean(),
  /** 交卷 is open: passed, or every allowed photo was used (the attempt is then flagged). */
  canSubmit: z.boolean(),
});
export type SubmitFaceStatus = z.infer<typeof submitFaceStatusSchema>;

export const submitFaceBodySchema = z.strictObject({ image: snapshotBase64Schema });

export const checkMyFaceAtSubmit = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/attempt/face',
  summary:
    '交卷前的人脸识别: compares a snapshot with the check-in face; the verdict and what 交卷 needs now',
  tags: ['written-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  body: submitFaceBodySchema,
  response: z.object({ result: faceCheckResultSchema, status: submitFaceStatusSchema }),
});
