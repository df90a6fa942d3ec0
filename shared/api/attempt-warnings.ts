import { z } from 'zod';
import { attemptProgressSchema } from './attempt-progress.js';
import { defineRoute } from './contract.js';
import { idSchema } from './common.js';
import { attemptWarningSchema } from './written-exam.js';

// 发送提醒 (issue 15 §2, seed 004 rule 7): a proctor sends one candidate a reminder; their page
// shows it as a popup they must confirm. Kept until confirmed, so none is lost to a reload.

export const WARNING_TEXT_MIN = 2;
export const WARNING_TEXT_MAX = 300;

export const sendWarningBodySchema = z.strictObject({
  text: z.string().trim().min(WARNING_TEXT_MIN).max(WARNING_TEXT_MAX),
});
export type SendWarningBody = z.infer<typeof sendWarningBodySchema>;

export const sendAttemptWarning = defineRoute({
  method: 'POST',
  path: '/api/registrations/:registrationId/attempt/warnings',
  summary:
    "发送提醒: a reminder to one candidate's attempt in progress (ATTEMPT_CLOSED once submitted), for the session's proctors and the exam's admins",
  tags: ['written-exam'],
  access: ['proctor', 'college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: z.strictObject({ registrationId: idSchema }),
  body: sendWarningBodySchema,
  response: attemptProgressSchema,
});

export const confirmMyAttemptWarning = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/attempt/warnings/:warningId/confirm',
  summary: '我已知晓: the candidate confirms a reminder; again is fine. Answers those still open',
  tags: ['written-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: z.strictObject({ registrationId: idSchema, warningId: idSchema }),
  response: z.object({ warnings: z.array(attemptWarningSchema) }),
});
