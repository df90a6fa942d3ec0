import { describe, expect, it } from 'vitest';
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

  it('takes a newer stored answer as stored, and stops at a closed attempt', () => {
    expect(outcomeOfError(refused('ANSWER_SEQ_STALE', 409))).toEqual({ kind: 'stale' });
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
