import type { TicketRow } from './repo.js';

/** A waiting-room ticket changed; the realtime layer tells the candidate and the session's staff. */
export interface TicketChange {
  registrationId: string;
  sessionId: string;
  /** The row as written (in process), so listeners need not read it again. */
  row?: TicketRow;
}

/** The session's waiting-room examiners came online or went offline (candidates' presence). */
export interface PresenceChange {
  sessionId: string;
}

type Listener = {
  ticket(change: TicketChange): void;
  presence(change: PresenceChange): void;
};

/**
 * In-process feed of waiting-room changes, so the service need not know about sockets.
 * Listeners must not throw; a failing listener is logged by its owner.
 */
export class InterviewChangeFeed {
  private readonly listeners = new Set<Listener>();

  ticketChanged(change: TicketChange): void {
    for (const listener of this.listeners) listener.ticket(change);
  }

  presenceChanged(change: PresenceChange): void {
    for (const listener of this.listeners) listener.presence(change);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
