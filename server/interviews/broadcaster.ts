import type { WaitingExaminerState } from '../../shared/api/interviews.js';
import type { QueueChanged, TicketChanged } from '../../shared/events.js';
import type { TicketChange } from './change-feed.js';
import { presentTicket } from './presenter.js';
import type { InterviewRepo } from './repo.js';
import type { InterviewService } from './service.js';

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

  async ticketChanged(change: TicketChange): Promise<void> {
    const ticket = await this.service.candidateView(change.registrationId);
    const staff = await this.service.staffView(change.registrationId);
    if (!ticket || !staff) return;
    this.emit.toRegistration(change.registrationId, {
      registrationId: change.registrationId,
      ticket,
    });
    this.emit.toSession(change.sessionId, { sessionId: change.sessionId, ticket: staff });
    await this.presenceChanged(change.sessionId, change.registrationId);
  }

  /** Re-sends waiting candidates their ticket when the examiner's presence changed for them. */
  async presenceChanged(sessionId: string, alreadySent: string | null = null): Promise<void> {
    const presence = await this.service.waitingExaminerOf(sessionId, null);
    if (this.lastPresence.get(sessionId) === presence) return;
    this.lastPresence.set(sessionId, presence);
    for (const row of await this.repo.ticketsOfSession(sessionId)) {
      const id = row.ticket.registrationId;
      if (id === alreadySent || !['waiting', 'called'].includes(row.ticket.state)) continue;
      const ticket = await this.service.candidateView(id);
      if (ticket) this.emit.toRegistration(id, { registrationId: id, ticket });
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
