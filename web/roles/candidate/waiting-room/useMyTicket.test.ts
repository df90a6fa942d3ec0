import { describe, expect, it } from 'vitest';
import type { CandidateTicket } from '../../../../shared/api/interviews.js';
import { newerSnapshot, type TicketSnapshot } from './useMyTicket.js';

// Only the state and the version matter here.
const snapshot = (state: CandidateTicket['state'], version: number): TicketSnapshot => ({
  ticket: { state, version } as CandidateTicket,
  offsetMs: 0,
});

describe('newerSnapshot', () => {
  it('keeps the ended interview when a poll sent before the end answers after it', () => {
    const ended = snapshot('done', 7);
    expect(newerSnapshot(ended, snapshot('in_room', 6))).toBe(ended);
  });

  it('takes the newer ticket, and anything over nothing', () => {
    const next = snapshot('called', 3);
    expect(newerSnapshot(snapshot('waiting', 2), next)).toBe(next);
    expect(newerSnapshot(undefined, next)).toBe(next);
    expect(newerSnapshot({ ticket: null, offsetMs: 0 }, next)).toBe(next);
  });
});
