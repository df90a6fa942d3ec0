import type { WaitingExaminerState } from '../../shared/api/interviews.js';
import type { QueueChanged, TicketChanged } from '../../shared/events.js';
import type { TicketChange } from './change-feed.js';
import { presentTicket } from './presenter.js';
import type { InterviewRepo } from './repo.js';
import type { InterviewService, WaitingExaminerPresence } from './service.js';

/** Where the broadcaster's messages go (the socket layer's rooms). */
export interface TicketEmitter {
  /** `ticket:changed` to the registration's candidate sockets. */
  toRegistration(registrationId: string, payload: TicketChanged): void;
  /** `queue:changed` to the staff watching the session. */
  toSession(sessionId: string, payload: QueueChanged): void;
}

/**
 * Turns waiting-room changes into socket messages: the changed ticket to its candidate (their
 * view) and to the session's staff (the staff view); when the waiting-room examiner's presence as
 * candidates see it (offline / busy / available) changes, every waiting candidate of the session
 * gets their ticket again.
 */
export class TicketBroadcaster {
  private readonly lastPresence = new Map<string, WaitingExaminerState>();

  constructor(
    private readonly service: InterviewService,
    private readonly repo: InterviewRepo,
    private readonly emit: TicketEmitter,
  ) {}

  /**
   * Staff first (their view needs no query when the change carries the row), then the
   * candidate, then the other waiting candidates if the examiners' presence changed for them.
   */
  async ticketChanged(change: TicketChange): Promise<void> {
    const row = change.row ?? (await this.repo.ticketOf(change.registrationId));
    if (!row) return;
    this.emit.toSession(change.sessionId, {
      sessionId: change.sessionId,
      ticket: presentTicket(row),
    });
    const presence = await this.service.waitingExaminerPresence(change.sessionId);
    const ticket = await this.service.candidateViewOf(row, presence);
    this.emit.toRegistration(change.registrationId, {
      registrationId: change.registrationId,
      ticket,
    });
    await this.presenceChanged(change.sessionId, change.registrationId, presence);
  }

  /** Re-sends waiting candidates their ticket when the examiner's presence changed for them. */
  async presenceChanged(
    sessionId: string,
    alreadySent: string | null = null,
    known?: WaitingExaminerPresence,
  ): Promise<void> {
    const presenceOf = known ?? (await this.service.waitingExaminerPresence(sessionId));
    const presence = presenceOf(null);
    if (this.lastPresence.get(sessionId) === presence) return;
    this.lastPresence.set(sessionId, presence);
    for (const row of await this.repo.ticketsOfSession(sessionId)) {
      const id = row.ticket.registrationId;
      if (id === alreadySent || !['waiting', 'called'].includes(row.ticket.state)) continue;
      const ticket = await this.service.candidateViewOf(row, presenceOf);
      this.emit.toRegistration(id, { registrationId: id, ticket });
    }
  }

  /** Right after (re)connecting: the candidate's current tickets, before anything else. */
  async candidateTickets(registrationIds: string[]): Promise<TicketChanged[]> {
    const sent: TicketChanged[] = [];
    for (const registrationId of registrationIds) {
      const ticket = await this.service.candidateView(registrationId);
      if (ticket) sent.push({ registrationId, ticket });
    }
    return sent;
  }

  /** Staff started watching a session: every ticket of it. */
  async sessionTickets(sessionId: string): Promise<QueueChanged[]> {
    const rows = await this.repo.ticketsOfSession(sessionId);
    return rows.map((row) => ({ sessionId, ticket: presentTicket(row) }));
  }
}
