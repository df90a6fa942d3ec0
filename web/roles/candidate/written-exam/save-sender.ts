import { saveMyAnswer } from '../../../../shared/api/written-exam.js';
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
  if (error.code === 'ANSWER_SEQ_STALE') return { kind: 'stale' };
  if (error.code === 'ATTEMPT_CLOSED') return { kind: 'closed' };
  if (RETRY_CODES.has(error.code) || error.status >= 500) return { kind: 'failed' };
  return { kind: 'rejected', code: error.code };
}

/** Sends one autosave of the candidate's registration through the shared contract. */
export function saveSender(registrationId: string): AnswerSender {
  return async (paperQuestionId, answer, seq) => {
    try {
      await callApi(saveMyAnswer, {
        params: { registrationId, paperQuestionId },
        body: { answer, seq },
      });
      return { kind: 'saved' };
    } catch (error) {
      return outcomeOfError(error);
    }
  };
}
