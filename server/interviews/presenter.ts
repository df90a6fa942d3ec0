import type {
  CandidateTicket,
  MediaPeer,
  QueueOrder,
  Ticket,
  WaitingExaminerState,
} from '../../shared/api/interviews.js';
import type { TicketRow } from './repo.js';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** A ticket as staff see it (every field; names resolved). */
export function presentTicket(row: Pick<TicketRow, 'ticket' | 'calledByName'>): Ticket {
  const { ticket } = row;
  return {
    registrationId: ticket.registrationId,
    sessionId: ticket.sessionId,
    state: ticket.state,
    readiness: ticket.readiness,
    readinessNote: ticket.readinessNote,
    readinessMarkedAt: iso(ticket.readinessMarkedAt),
    arrivedAt: ticket.arrivedAt.toISOString(),
    calledBy: ticket.state === 'called' ? ticket.calledBy : null,
    calledByName: ticket.state === 'called' ? row.calledByName : null,
    calledAt: iso(ticket.calledAt),
    hasBeenCalled: ticket.firstCalledAt !== null,
    invitedBy: ticket.invitedBy,
    invitedAt: iso(ticket.invitedAt),
    interviewStartedAt: iso(ticket.interviewStartedAt),
    interviewEndedAt: iso(ticket.interviewEndedAt),
    returnReason: ticket.returnReason,
    returnedAt: iso(ticket.returnedAt),
    version: ticket.version,
  };
}

/** The candidate's own view: no staff note or staff ids, the examiner's presence added. */
export function presentCandidateTicket(
  row: Pick<TicketRow, 'ticket' | 'calledByName'>,
  waitingExaminer: WaitingExaminerState,
  now: Date,
  mediaPeers: MediaPeer[],
): CandidateTicket {
  const ticket = presentTicket(row);
  // An allow-list: the examiner's note and staff ids stay with staff.
  return {
    registrationId: ticket.registrationId,
    sessionId: ticket.sessionId,
    state: ticket.state,
    readiness: ticket.readiness,
    readinessMarkedAt: ticket.readinessMarkedAt,
    arrivedAt: ticket.arrivedAt,
    calledByName: ticket.calledByName,
    calledAt: ticket.calledAt,
    hasBeenCalled: ticket.hasBeenCalled,
    invitedAt: ticket.invitedAt,
    interviewStartedAt: ticket.interviewStartedAt,
    interviewEndedAt: ticket.interviewEndedAt,
    returnReason: ticket.returnReason,
    returnedAt: ticket.returnedAt,
    version: ticket.version,
    serverTime: now.toISOString(),
    waitingExaminer,
    mediaPeers,
  };
}

/**
 * The waiting-room examiner as waiting candidates see them: offline when none of the session's
 * waiting-room examiners has a socket; busy when every online one is in a call with someone
 * other than `ownCaller` (the examiner calling this very candidate).
 */
export function waitingExaminerStateOf(input: {
  examiners: readonly string[];
  isOnline: (userId: string) => boolean;
  callers: readonly string[];
  ownCaller: string | null;
}): WaitingExaminerState {
  const online = input.examiners.filter((id) => input.isOnline(id));
  if (online.length === 0) return 'offline';
  const busyWithOthers = (id: string) => input.callers.includes(id) && id !== input.ownCaller;
  return online.every(busyWithOthers) ? 'busy' : 'available';
}

/** Queue order: by admission number, or by arrival (then admission number for ties). */
export function sortQueue<T extends { admissionNumber: string; ticket: { arrivedAt: Date } }>(
  rows: readonly T[],
  order: QueueOrder,
): T[] {
  const byAdmission = (a: T, b: T) => a.admissionNumber.localeCompare(b.admissionNumber);
  return [...rows].sort((a, b) =>
    order === 'arrival'
      ? a.ticket.arrivedAt.getTime() - b.ticket.arrivedAt.getTime() || byAdmission(a, b)
      : byAdmission(a, b),
  );
}
