import type { ErrorCode } from '../../shared/errors.js';
import type { waitingTicket } from '../db/schema/index.js';

/**
 * The waiting-room ticket as a pure state machine (docs/design.md "The exam model"):
 *
 *   waiting ──call──▶ called ──end_call / examiner_left──▶ waiting
 *   waiting (ready) ──invite──▶ invited ──accept──▶ in_room ──end_interview──▶ done
 *   invited ──cancel_invitation──▶ waiting
 *
 * Readiness (mark) is a separate field: set by the calling examiner during the call, or by a
 * waiting-room examiner after the candidate has been called once. `decide` says what to write
 * (or why not); the repo writes it only if the ticket has not changed since it was read, and the
 * partial unique indexes settle races between different tickets (one call per examiner, one
 * candidate per panel). A repeated command that already holds answers "nothing to change".
 */

export type TicketRecord = typeof waitingTicket.$inferSelect;
export type TicketPatch = Partial<
  Omit<TicketRecord, 'registrationId' | 'schoolId' | 'sessionId' | 'arrivedAt' | 'version'>
>;

export type TicketCommand =
  | { kind: 'call'; by: string }
  | { kind: 'end_call'; by: string }
  | { kind: 'examiner_left'; by: string }
  | { kind: 'mark'; by: string; readiness: 'ready' | 'not_ready'; note: string | null }
  | { kind: 'invite'; by: string }
  | { kind: 'cancel_invitation'; by: string }
  | { kind: 'accept' }
  | { kind: 'end_interview'; by: string };

export type TicketFacts = Pick<TicketRecord, 'state' | 'readiness' | 'calledBy' | 'firstCalledAt'>;

/** What to write (`patch`; null when the command already holds), or why it is refused. */
export type Decision = { ok: true; patch: TicketPatch | null } | { ok: false; code: ErrorCode };

const refuse = (code: ErrorCode): Decision => ({ ok: false, code });
const write = (patch: TicketPatch): Decision => ({ ok: true, patch });
const unchanged: Decision = { ok: true, patch: null };
const conflict = refuse('TICKET_STATE_CONFLICT');

const backToWaiting = (reason: 'call_ended' | 'examiner_left', now: Date): TicketPatch => ({
  state: 'waiting',
  calledBy: null,
  calledAt: null,
  returnReason: reason,
  returnedAt: now,
});

export function decide(ticket: TicketFacts, command: TicketCommand, now: Date): Decision {
  const { state } = ticket;
  switch (command.kind) {
    case 'call':
      if (state === 'waiting') {
        return write({
          state: 'called',
          calledBy: command.by,
          calledAt: now,
          firstCalledAt: ticket.firstCalledAt ?? now,
          returnReason: null,
          returnedAt: null,
        });
      }
      if (state === 'called') {
        return ticket.calledBy === command.by ? unchanged : refuse('CANDIDATE_IN_CALL');
      }
      return conflict;
    case 'end_call':
      if (state === 'called') {
        return ticket.calledBy === command.by
          ? write(backToWaiting('call_ended', now))
          : refuse('NOT_YOUR_CALL');
      }
      return state === 'waiting' ? unchanged : conflict;
    case 'examiner_left':
      return state === 'called' && ticket.calledBy === command.by
        ? write(backToWaiting('examiner_left', now))
        : unchanged;
    case 'mark': {
      const patch: TicketPatch = {
        readiness: command.readiness,
        readinessNote: command.note,
        readinessMarkedAt: now,
        readinessMarkedBy: command.by,
      };
      if (state === 'called') {
        return ticket.calledBy === command.by ? write(patch) : refuse('NOT_YOUR_CALL');
      }
      if (state === 'waiting') {
        return ticket.firstCalledAt ? write(patch) : refuse('CANDIDATE_NOT_CALLED');
      }
      return conflict;
    }
    case 'invite':
      if (state === 'waiting') {
        return ticket.readiness === 'ready'
          ? write({
              state: 'invited',
              invitedBy: command.by,
              invitedAt: now,
              returnReason: null,
              returnedAt: null,
            })
          : refuse('CANDIDATE_NOT_READY');
      }
      if (state === 'called') return refuse('CANDIDATE_IN_CALL');
      return state === 'invited' ? unchanged : conflict;
    case 'cancel_invitation':
      if (state === 'invited') {
        return write({
          state: 'waiting',
          invitedBy: null,
          invitedAt: null,
          returnReason: 'invitation_cancelled',
          returnedAt: now,
        });
      }
      return state === 'waiting' ? unchanged : conflict;
    case 'accept':
      if (state === 'invited') return write({ state: 'in_room', interviewStartedAt: now });
      return state === 'in_room' ? unchanged : conflict;
    case 'end_interview':
      if (state === 'in_room') {
        return write({ state: 'done', interviewEndedAt: now, interviewEndedBy: command.by });
      }
      return state === 'done' ? unchanged : conflict;
  }
}
