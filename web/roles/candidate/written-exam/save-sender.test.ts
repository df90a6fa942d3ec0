import { describe, expect, it } from 'vitest';
import { staleSeqIssue } from '../../../../shared/written-exam-errors.js';
import { ApiError } from '../../../api/ApiError.js';
import { outcomeOfError } from './save-sender.js';

const refused = (code: ConstructorParameters<typeof ApiError>[0]['code'], status: number) =>
  new ApiError({ code, message: code, status });

describe('outcomeOfError', () => {
  it('keeps the copy to send again when no answer came or the server is in trouble', () => {
    expect(outcomeOfError(ApiError.network(new TypeError('Failed to fetch')))).toEqual({
      kind: 'failed',
    });
    expect(outcomeOfError(refused('UNAVAILABLE', 503))).toEqual({ kind: 'failed' });
    expect(outcomeOfError(refused('UNAUTHENTICATED', 401))).toEqual({ kind: 'failed' });
    expect(outcomeOfError(new Error('not ours'))).toEqual({ kind: 'failed' });
  });

  it('reads the seq the server holds from ANSWER_SEQ_STALE, and stops at a closed attempt', () => {
    const stale = (storedSeq: number) =>
      new ApiError({
        code: 'ANSWER_SEQ_STALE',
        message: 'stale',
        status: 409,
        issues: [staleSeqIssue(storedSeq)],
      });
    expect(outcomeOfError(stale(7))).toEqual({ kind: 'stale', storedSeq: 7 });
    // An answer without the seq (an older server): taken as stored, as before.
    expect(outcomeOfError(refused('ANSWER_SEQ_STALE', 409))).toEqual({
      kind: 'stale',
      storedSeq: null,
    });
    expect(outcomeOfError(refused('ATTEMPT_CLOSED', 409))).toEqual({ kind: 'closed' });
  });

  it('gives up on an answer the server refuses as such, saying why', () => {
    expect(outcomeOfError(refused('ANSWER_TOO_LONG', 400))).toEqual({
      kind: 'rejected',
      code: 'ANSWER_TOO_LONG',
    });
    expect(outcomeOfError(refused('QUESTION_NOT_IN_ATTEMPT', 404))).toEqual({
      kind: 'rejected',
      code: 'QUESTION_NOT_IN_ATTEMPT',
    });
  });
});
