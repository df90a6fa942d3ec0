/** A registration's candidate PC came online or went offline, in a session. */
export interface PresenceTransition {
  registrationId: string;
  sessionId: string;
  online: boolean;
}

/**
 * Which registrations have a candidate PC socket connected on this node (a candidate's socket
 * counts for every registration of theirs). Transitions are reported only on the first socket
 * arriving and the last one leaving, so a second tab or a reload's overlap changes nothing.
 */
export class CandidatePresence {
  private readonly socketsOf = new Map<string, Set<string>>();
  private readonly registrationsOf = new Map<
    string,
    { registrationId: string; sessionId: string }[]
  >();

  connected(
    socketId: string,
    registrations: { registrationId: string; sessionId: string }[],
  ): PresenceTransition[] {
    this.registrationsOf.set(socketId, registrations);
    const transitions: PresenceTransition[] = [];
    for (const { registrationId, sessionId } of registrations) {
      const sockets = this.socketsOf.get(registrationId) ?? new Set<string>();
      if (sockets.size === 0) transitions.push({ registrationId, sessionId, online: true });
      sockets.add(socketId);
      this.socketsOf.set(registrationId, sockets);
    }
    return transitions;
  }

  disconnected(socketId: string): PresenceTransition[] {
    const registrations = this.registrationsOf.get(socketId) ?? [];
    this.registrationsOf.delete(socketId);
    const transitions: PresenceTransition[] = [];
    for (const { registrationId, sessionId } of registrations) {
      const sockets = this.socketsOf.get(registrationId);
      if (!sockets?.delete(socketId) || sockets.size > 0) continue;
      this.socketsOf.delete(registrationId);
      transitions.push({ registrationId, sessionId, online: false });
    }
    return transitions;
  }

  isOnline(registrationId: string): boolean {
    return (this.socketsOf.get(registrationId)?.size ?? 0) > 0;
  }
}
