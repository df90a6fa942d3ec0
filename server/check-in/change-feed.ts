/** A check-in changed; the realtime layer tells the candidate's PC and the session's staff. */
export interface CheckInChange {
  registrationId: string;
  sessionId: string;
}

type Listener = (change: CheckInChange) => void;

/**
 * In-process feed of check-in changes, so services need not know about sockets. Listeners must
 * not throw; a failing listener is logged by its owner, never by the publisher.
 */
export class CheckInChangeFeed {
  private readonly listeners = new Set<Listener>();

  publish(change: CheckInChange): void {
    for (const listener of this.listeners) listener(change);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
