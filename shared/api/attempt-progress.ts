import { z } from 'zod';
import { defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema } from './common.js';
import { SIGNAL_EVENT_TYPES } from './attempt-events.js';
import { submitReasonSchema } from './written-exam.js';

// The staff's view of a written session's attempts (issue 14 §3, §6): who started, how far each
// candidate got, the time left, who submitted and how; extra time for one candidate, and 强制交卷
// (issue 15 §2: a proctor ends one candidate's attempt, with a reason).

/**
 * How a recorded outage ended: time given back (`compensated`, maybe less than lost: the cap or
 * the session's end), none because the exam gives none (`not_allowed`), its cap was used up
 * (`cap_reached`), the session ends first (`session_end`), the candidate came back after the
 * deadline (`after_deadline`), or the attempt closed while they were away (`closed`).
 */
export const OUTAGE_OUTCOMES = [
  'compensated',
  'not_allowed',
  'cap_reached',
  'session_end',
  'after_deadline',
  'closed',
] as const;
export const outageOutcomeSchema = z.enum(OUTAGE_OUTCOMES);
export type OutageOutcome = z.infer<typeof outageOutcomeSchema>;

/** A time the server saw none of the candidate's PC connections past the exam's threshold. */
export const attemptOutageSchema = z.object({
  startedAt: isoDateTimeSchema,
  /** Null while the candidate is still away. */
  endedAt: isoDateTimeSchema.nullable(),
  lostSeconds: z.number().int().nullable(),
  compensationMinutes: z.number().int(),
  outcome: outageOutcomeSchema.nullable(),
});
export type AttemptOutage = z.infer<typeof attemptOutageSchema>;

export const attemptProgressSchema = z.object({
  registrationId: idSchema,
  admissionNumber: z.string(),
  candidateName: z.string(),
  state: z.enum(['not_started', 'in_progress', 'submitted', 'marked']),
  startedAt: isoDateTimeSchema.nullable(),
  /** Questions with an answer that says something (not cleared). */
  answeredCount: z.number().int(),
  questionCount: z.number().int(),
  deadline: isoDateTimeSchema.nullable(),
  lastActivityAt: isoDateTimeSchema.nullable(),
  submittedAt: isoDateTimeSchema.nullable(),
  submitReason: submitReasonSchema.nullable(),
  extraMinutes: z.number().int(),
  /** Time given back after outages (outageCompensationMaxMinutes at most). */
  compensationMinutes: z.number().int(),
  /**
   * Whether the server sees the candidate's PC page now (its socket), null when the attempt is
   * not in progress: `away` after PRESENCE_STALE_SECONDS without a sign of it.
   */
  connection: z.enum(['online', 'away']).nullable(),
  /** The attempt's outages, oldest first. */
  outages: z.array(attemptOutageSchema),
  /**
   * Whether the screen is shared now, by the page's latest share event (attempt-events.ts),
   * and never while the page is `away` (a share does not outlive its page); null when the exam
   * does not ask for it or the attempt is not in progress.
   */
  screenShared: z.boolean().nullable(),
  /** How often the candidate's page went out of sight (page_hidden events). */
  pageHiddenCount: z.number().int(),
  /**
   * How many of each signal (SIGNAL_EVENT_TYPES, attempt-events.ts) the page reported; only
   * types seen at least once are present, so `{}` means none.
   */
  signalCounts: z.partialRecord(z.enum(SIGNAL_EVENT_TYPES), z.number().int().positive()),
  /** Proctors' reminders sent to this candidate (发送提醒), and how many are not confirmed yet. */
  warningsSent: z.number().int(),
  warningsUnconfirmed: z.number().int(),
});
export type AttemptProgress = z.infer<typeof attemptProgressSchema>;

export const listSessionAttempts = defineRoute({
  method: 'GET',
  path: '/api/sessions/:sessionId/attempts',
  summary:
    "A written session's attempts: started, answered count, time left, submitted (how); for its proctors and the exam's admins",
  tags: ['written-exam'],
  access: ['examiner', 'proctor', 'college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: z.strictObject({ sessionId: idSchema }),
  response: z.object({
    serverTime: isoDateTimeSchema,
    items: z.array(attemptProgressSchema),
    /**
     * Whether the caller may 强制交卷 (and 发送提醒) here: the session's proctors and the exam's
     * admins.
     */
    canForceSubmit: z.boolean(),
  }),
});

export const MAX_EXTRA_MINUTES = 240;

export const addAttemptTime = defineRoute({
  method: 'POST',
  path: '/api/admin/registrations/:registrationId/attempt/extra-time',
  summary:
    "Give one candidate's attempt in progress more time (the deadline moves, never past the session's end)",
  tags: ['written-exam'],
  access: ['college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: z.strictObject({ registrationId: idSchema }),
  body: z.strictObject({ minutes: z.number().int().min(1).max(MAX_EXTRA_MINUTES) }),
  response: attemptProgressSchema,
});

export const FORCE_SUBMIT_REASON_MIN = 2;
export const FORCE_SUBMIT_REASON_MAX = 500;

export const forceSubmitBodySchema = z.strictObject({
  /** Why the proctor ends the attempt, kept in the audit log. */
  reason: z.string().trim().min(FORCE_SUBMIT_REASON_MIN).max(FORCE_SUBMIT_REASON_MAX),
});
export type ForceSubmitBody = z.infer<typeof forceSubmitBodySchema>;

export const forceSubmitAttempt = defineRoute({
  method: 'POST',
  path: '/api/registrations/:registrationId/attempt/force-submit',
  summary:
    "强制交卷: submit one candidate's attempt in progress now, with a reason (the session's proctors and the exam's admins)",
  tags: ['written-exam'],
  access: ['proctor', 'college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: z.strictObject({ registrationId: idSchema }),
  body: forceSubmitBodySchema,
  response: attemptProgressSchema,
});
