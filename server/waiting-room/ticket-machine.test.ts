import { describe, expect, it } from 'vitest';
import { EXAMINER_LEFT_GRACE_MS, type TicketState } from '../../shared/api/interviews.js';
import { ManualClock } from '../clock.js';
import { ExaminerPresence } from '../interviews/examiner-presence.js';
import { sortQueue, waitingExaminerStateOf } from '../interviews/presenter.js';
import { decide, type TicketCommand, type TicketFacts } from './ticket-machine.js';

const clock = new ManualClock();
const A = 'examiner-a';
const B = 'examiner-b';

const ticket = (state: TicketState, more: Partial<TicketFacts> = {}): TicketFacts => ({
  state,
  readiness: 'unmarked',
  calledBy: state === 'called' ? A : null,
  firstCalledAt: state === 'waiting' ? null : clock.now(),
  ...more,
});

const STATES: TicketState[] = ['waiting', 'called', 'invited', 'in_room', 'done'];

/** Every command, from every state: the expected outcome ('write', 'unchanged' or a code). */
const TABLE: { command: TicketCommand; from: Record<TicketState, string> }[] = [
  {
    command: { kind: 'call', by: A },
    from: {
      waiting: 'write',
      called: 'unchanged',
      invited: 'TICKET_STATE_CONFLICT',
      in_room: 'TICKET_STATE_CONFLICT',
      done: 'TICKET_STATE_CONFLICT',
    },
  },
  {
    command: { kind: 'call', by: B },
    from: {
      waiting: 'write',
      called: 'CANDIDATE_IN_CALL',
      invited: 'TICKET_STATE_CONFLICT',
      in_room: 'TICKET_STATE_CONFLICT',
      done: 'TICKET_STATE_CONFLICT',
    },
  },
  {
    command: { kind: 'end_call', by: A },
    from: {
      waiting: 'unchanged',
      called: 'write',
      invited: 'TICKET_STATE_CONFLICT',
      in_room: 'TICKET_STATE_CONFLICT',
      done: 'TICKET_STATE_CONFLICT',
    },
  },
  {
    command: { kind: 'end_call', by: B },
    from: {
      waiting: 'unchanged',
      called: 'NOT_YOUR_CALL',
      invited: 'TICKET_STATE_CONFLICT',
      in_room: 'TICKET_STATE_CONFLICT',
      done: 'TICKET_STATE_CONFLICT',
    },
  },
  {
    command: { kind: 'examiner_left', by: A },
    from: {
      waiting: 'unchanged',
      called: 'write',
      invited: 'unchanged',
      in_room: 'unchanged',
      done: 'unchanged',
    },
  },
  {
    command: { kind: 'examiner_left', by: B },
    from: {
      waiting: 'unchanged',
      called: 'unchanged',
      invited: 'unchanged',
      in_room: 'unchanged',
      done: 'unchanged',
    },
  },
  {
    command: { kind: 'mark', by: A, readiness: 'ready', note: null },
    from: {
      waiting: 'CANDIDATE_NOT_CALLED',
      called: 'write',
      invited: 'TICKET_STATE_CONFLICT',
      in_room: 'TICKET_STATE_CONFLICT',
      done: 'TICKET_STATE_CONFLICT',
    },
  },
  {
    command: { kind: 'mark', by: B, readiness: 'not_ready', note: '光线太暗' },
    from: {
      waiting: 'CANDIDATE_NOT_CALLED',
      called: 'NOT_YOUR_CALL',
      invited: 'TICKET_STATE_CONFLICT',
      in_room: 'TICKET_STATE_CONFLICT',
      done: 'TICKET_STATE_CONFLICT',
    },
  },
  {
    command: { kind: 'invite', by: B },
    from: {
      waiting: 'CANDIDATE_NOT_READY',
      called: 'CANDIDATE_IN_CALL',
      invited: 'unchanged',
      in_room: 'TICKET_STATE_CONFLICT',
      done: 'TICKET_STATE_CONFLICT',
    },
  },
  {
    command: { kind: 'cancel_invitation', by: B },
    from: {
      waiting: 'unchanged',
      called: 'TICKET_STATE_CONFLICT',
      invited: 'write',
      in_room: 'TICKET_STATE_CONFLICT',
      done: 'TICKET_STATE_CONFLICT',
    },
  },
  {
    command: { kind: 'accept' },
    from: {
      waiting: 'TICKET_STATE_CONFLICT',
      called: 'TICKET_STATE_CONFLICT',
      invited: 'write',
      in_room: 'unchanged',
      done: 'TICKET_STATE_CONFLICT',
    },
  },
  {
    command: { kind: 'end_interview', by: B },
    from: {
      waiting: 'TICKET_STATE_CONFLICT',
      called: 'TICKET_STATE_CONFLICT',
      invited: 'TICKET_STATE_CONFLICT',
      in_room: 'write',
      done: 'unchanged',
    },
  },
];

const outcomeOf = (facts: TicketFacts, command: TicketCommand) => {
  const decision = decide(facts, command, clock.now());
  if (!decision.ok) return decision.code;
  return decision.patch ? 'write' : 'unchanged';
};

describe('The waiting-room ticket machine', () => {
  for (const { command, from } of TABLE) {
    const who = 'by' in command ? ` by ${command.by}` : '';
    for (const state of STATES) {
      it(`${command.kind}${who} from ${state}: ${from[state]}`, () => {
        expect(outcomeOf(ticket(state), command)).toBe(from[state]);
      });
    }
  }

  it('calls at the server time, keeping the first call time across calls', () => {
    const first = new Date('2026-11-22T08:00:00+08:00');
    const now = clock.now();
    expect(decide(ticket('waiting'), { kind: 'call', by: A }, now)).toEqual({
      ok: true,
      patch: {
        state: 'called',
        calledBy: A,
        calledAt: now,
        firstCalledAt: now,
        returnReason: null,
        returnedAt: null,
      },
    });
    clock.advance(60_000);
    const again = decide(
      ticket('waiting', { firstCalledAt: first }),
      { kind: 'call', by: B },
      clock.now(),
    );
    expect(again).toMatchObject({ patch: { firstCalledAt: first, calledAt: clock.now() } });
  });

  it('returns to waiting with the reason the candidate is told', () => {
    const now = clock.now();
    expect(decide(ticket('called'), { kind: 'end_call', by: A }, now)).toMatchObject({
      patch: { state: 'waiting', calledBy: null, returnReason: 'call_ended', returnedAt: now },
    });
    expect(decide(ticket('called'), { kind: 'examiner_left', by: A }, now)).toMatchObject({
      patch: { state: 'waiting', calledBy: null, returnReason: 'examiner_left' },
    });
    expect(decide(ticket('invited'), { kind: 'cancel_invitation', by: B }, now)).toMatchObject({
      patch: { state: 'waiting', invitedBy: null, returnReason: 'invitation_cancelled' },
    });
  });

  it('marks readiness after a call by any waiting-room examiner, with the note', () => {
    const called = ticket('waiting', { firstCalledAt: clock.now() });
    expect(
      decide(
        called,
        { kind: 'mark', by: B, readiness: 'not_ready', note: '未出示身份证' },
        clock.now(),
      ),
    ).toMatchObject({
      patch: { readiness: 'not_ready', readinessNote: '未出示身份证', readinessMarkedBy: B },
    });
  });

  it('invites only a ready waiting candidate; accepting starts the interview at server time', () => {
    const ready = ticket('waiting', { readiness: 'ready', firstCalledAt: clock.now() });
    expect(decide(ready, { kind: 'invite', by: B }, clock.now())).toMatchObject({
      patch: { state: 'invited', invitedBy: B, invitedAt: clock.now() },
    });
    expect(
      decide(ticket('waiting', { readiness: 'not_ready' }), { kind: 'invite', by: B }, clock.now()),
    ).toEqual({ ok: false, code: 'CANDIDATE_NOT_READY' });
    const start = clock.now();
    expect(decide(ticket('invited'), { kind: 'accept' }, start)).toEqual({
      ok: true,
      patch: { state: 'in_room', interviewStartedAt: start },
    });
    clock.advance(15 * 60_000);
    expect(decide(ticket('in_room'), { kind: 'end_interview', by: B }, clock.now())).toEqual({
      ok: true,
      patch: { state: 'done', interviewEndedAt: clock.now(), interviewEndedBy: B },
    });
  });
});

describe('ExaminerPresence', () => {
  it('reports a calling examiner gone for longer than the grace period, once', () => {
    const presence = new ExaminerPresence(clock);
    expect(presence.connected(A, 's1')).toBe(true);
    expect(presence.connected(A, 's2')).toBe(false);
    expect(presence.disconnected(A, 's1')).toBe(false);
    expect(presence.disconnected(A, 's2')).toBe(true);
    expect(presence.isOnline(A)).toBe(false);
    clock.advance(EXAMINER_LEFT_GRACE_MS);
    expect(presence.sweep()).toEqual([]);
    clock.advance(1);
    expect(presence.sweep()).toEqual([A]);
    expect(presence.sweep()).toEqual([]);
  });

  it('keeps the call of an examiner who reloads within the grace period', () => {
    const presence = new ExaminerPresence(clock);
    presence.connected(A, 's1');
    presence.disconnected(A, 's1');
    clock.advance(EXAMINER_LEFT_GRACE_MS - 1);
    presence.connected(A, 's2');
    clock.advance(EXAMINER_LEFT_GRACE_MS * 2);
    expect(presence.sweep()).toEqual([]);
  });

  it('starts the grace of a caller without any socket when the call is made', () => {
    const presence = new ExaminerPresence(clock);
    presence.watchCaller(B);
    clock.advance(EXAMINER_LEFT_GRACE_MS + 1);
    expect(presence.sweep()).toEqual([B]);
    presence.connected(A, 's1');
    presence.watchCaller(A);
    clock.advance(EXAMINER_LEFT_GRACE_MS + 1);
    expect(presence.sweep()).toEqual([]);
  });
});

describe('Waiting-room presentation', () => {
  it('tells candidates offline, busy (with someone else) or available', () => {
    const online = (ids: string[]) => (id: string) => ids.includes(id);
    const base = { examiners: [A, B], callers: [A], ownCaller: null };
    expect(waitingExaminerStateOf({ ...base, isOnline: online([]) })).toBe('offline');
    expect(waitingExaminerStateOf({ ...base, isOnline: online([A]) })).toBe('busy');
    expect(waitingExaminerStateOf({ ...base, isOnline: online([A]), ownCaller: A })).toBe(
      'available',
    );
    expect(waitingExaminerStateOf({ ...base, isOnline: online([A, B]) })).toBe('available');
  });

  it('orders the queue by admission number or by arrival', () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 0, minutes));
    const rows = [
      { admissionNumber: 'INT2026002', ticket: { arrivedAt: at(1) } },
      { admissionNumber: 'INT2026003', ticket: { arrivedAt: at(0) } },
      { admissionNumber: 'INT2026001', ticket: { arrivedAt: at(2) } },
    ];
    const numbers = (sorted: typeof rows) => sorted.map((row) => row.admissionNumber.slice(-1));
    expect(numbers(sortQueue(rows, 'admission_number'))).toEqual(['1', '2', '3']);
    expect(numbers(sortQueue(rows, 'arrival'))).toEqual(['3', '2', '1']);
  });
});
