import { describe, expect, it } from 'vitest';
import type { QueueEntry, SessionQueue, Ticket } from '../../../../shared/api/interviews.js';
import { applyQueueChange, type QueueSnapshot } from './useSessionQueue.js';

const ticket = (registrationId: string, changes: Partial<Ticket> = {}): Ticket => ({
  registrationId,
  sessionId: 's1',
  state: 'waiting',
  readiness: 'ready',
  readinessNote: null,
  readinessMarkedAt: null,
  arrivedAt: '2026-03-08T01:00:00.000Z',
  calledBy: null,
  calledByName: null,
  calledAt: null,
  hasBeenCalled: true,
  invitedBy: null,
  invitedAt: null,
  interviewStartedAt: null,
  interviewEndedAt: null,
  returnReason: null,
  returnedAt: null,
  version: 1,
  ...changes,
});

// Only the ticket matters to applyQueueChange; the check-in row is carried along untouched.
const entry = (value: Ticket): QueueEntry =>
  ({ candidateName: 'x', admissionNumber: 'x', ticket: value, checkIn: {} }) as QueueEntry;

const snapshot = (...tickets: Ticket[]): QueueSnapshot => ({
  offsetMs: 0,
  queue: {
    serverTime: '2026-03-08T01:00:00.000Z',
    sessionId: 's1',
    sessionName: 'room',
    examName: 'exam',
    order: 'admission_number',
    myDuties: ['panel_chair'],
    myCall: null,
    panelOccupiedBy: null,
    panel: [],
    items: tickets.map(entry),
  } satisfies SessionQueue,
});

describe('applyQueueChange', () => {
  it('takes a newer ticket and derives who occupies the panel', () => {
    const next = applyQueueChange(snapshot(ticket('a'), ticket('b')), {
      sessionId: 's1',
      ticket: ticket('b', { state: 'invited', version: 2 }),
    });
    expect(next?.queue.items[1]?.ticket.state).toBe('invited');
    expect(next?.queue.panelOccupiedBy).toBe('b');
  });

  it('keeps the shown ticket when the change is not newer', () => {
    const current = snapshot(ticket('a', { state: 'in_room', version: 5 }));
    const next = applyQueueChange(current, {
      sessionId: 's1',
      ticket: ticket('a', { version: 4 }),
    });
    expect(next).toBe(current);
  });

  it('frees the panel when the interview is done', () => {
    const next = applyQueueChange(snapshot(ticket('a', { state: 'in_room', version: 3 })), {
      sessionId: 's1',
      ticket: ticket('a', { state: 'done', version: 4 }),
    });
    expect(next?.queue.panelOccupiedBy).toBeNull();
  });

  it('answers null for a ticket not in the queue yet (the caller refetches)', () => {
    expect(applyQueueChange(snapshot(), { sessionId: 's1', ticket: ticket('new') })).toBeNull();
  });
});
