import { saveMyAnswer } from '../../../../shared/api/written-exam.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import { storedSeqOfIssues } from '../../../../shared/written-exam-errors.js';
import { callApi, isApiError, type ApiErrorCode } from '../../../api/client.js';
import type { AnswerSender, SendOutcome } from './answer-queue.js';

// No answer, a server or proxy in trouble, or a session to renew: the copy waits to be sent again.
const RETRY_CODES: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>([
  'NETWORK',
  'UNAVAILABLE',
  'INTERNAL',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'CSRF_FAILED',
]);

/** What a failed save means for the queue: try again later, forget it, or stop. */
export function outcomeOfError(error: unknown): SendOutcome {
  if (!isApiError(error)) return { kind: 'failed' };
  if (error.code === 'ANSWER_SEQ_STALE') {
    return { kind: 'stale', storedSeq: storedSeqOfIssues(error.issues) };
  }
  if (error.code === 'ATTEMPT_CLOSED') return { kind: 'closed' };
  if (RETRY_CODES.has(error.code) || error.status >= 500) return { kind: 'failed' };
  return { kind: 'rejected', code: error.code };
}

/**
 * A save without an answer after this long counts as failed, so a hung connection cannot hold
 * the question's queue (or 交卷, which waits for it). Should it land after all, the retry with
 * the same seq is answered ANSWER_SEQ_STALE naming that seq, which the queue takes as stored.
 */
export const SAVE_TIMEOUT_MS = 15_000;

/** Sends one autosave of the candidate's registration through the shared contract. */
export function saveSender(registrationId: string, timeoutMs = SAVE_TIMEOUT_MS): AnswerSender {
  return timedSender(
    (paperQuestionId, answer, seq) =>
      callApi(saveMyAnswer, { params: { registrationId, paperQuestionId }, body: { answer, seq } }),
    timeoutMs,
  );
}

/**
 * An AnswerSender over one save call (the formal attempt's, or a mock attempt's): its errors
 * read by outcomeOfError, and no answer after `timeoutMs` counted as failed.
 */
export function timedSender(
  save: (paperQuestionId: string, answer: Answer, seq: number) => Promise<unknown>,
  timeoutMs = SAVE_TIMEOUT_MS,
): AnswerSender {
  return async (paperQuestionId, answer, seq) => {
    let timer: number | undefined;
    const timedOut = new Promise<SendOutcome>((resolve) => {
      timer = window.setTimeout(() => resolve({ kind: 'failed' }), timeoutMs);
    });
    const sent = save(paperQuestionId, answer, seq).then(
      (): SendOutcome => ({ kind: 'saved' }),
      (error: unknown) => outcomeOfError(error),
    );
    try {
      return await Promise.race([sent, timedOut]);
    } finally {
      window.clearTimeout(timer);
    }
  };
}
