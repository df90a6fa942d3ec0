type Listener = (registrationId: string) => void;

/**
 * In-process feed of "a candidate's attempt changed under them" (time added, 强制交卷), so the
 * written-exam services need not know about sockets: the realtime layer turns each into
 * `attempt:changed` to the candidate's page. Listeners must not throw.
 */
export class AttemptChangeFeed {
  private readonly listeners = new Set<Listener>();

  publish(registrationId: string): void {
    for (const listener of this.listeners) listener(registrationId);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
