/** One registration's PC seen at `at`. */
export interface PcSeen {
  registrationId: string;
  at: Date;
}

interface Attending {
  registrationIds: string[];
  /** The last packet this socket sent (its pongs arrive every ping interval, 25 s). */
  heardAt: number;
}

/**
 * When this node last heard each candidate PC socket, for outage protection
 * (server/written-exam/outage-service.ts). A socket is heard on connect and on every packet it
 * sends (a live one answers the server's ping every 25 s), so a socket that died silently (power
 * cut, network gone) stops counting when it was last heard, not 45 s later when the ping times
 * out. Told about changes and asked for what to write; it never writes itself.
 */
export class PcAttendance {
  readonly #sockets = new Map<string, Attending>();

  connected(socketId: string, registrationIds: string[], at: Date): PcSeen[] {
    this.#sockets.set(socketId, { registrationIds, heardAt: at.getTime() });
    return registrationIds.map((registrationId) => ({ registrationId, at }));
  }

  heard(socketId: string, at: Date): void {
    const attending = this.#sockets.get(socketId);
    if (attending) attending.heardAt = at.getTime();
  }

  /**
   * The socket is gone: its last sighting is now when it closed cleanly (a closed tab, a reload),
   * when it was last heard when its ping timed out.
   */
  disconnected(socketId: string, at: Date, isTimedOut: boolean): PcSeen[] {
    const attending = this.#sockets.get(socketId);
    if (!attending) return [];
    this.#sockets.delete(socketId);
    const seen = new Date(isTimedOut ? attending.heardAt : at.getTime());
    return attending.registrationIds.map((registrationId) => ({ registrationId, at: seen }));
  }

  /** The latest time each attending registration was heard, over all of its sockets. */
  snapshot(): PcSeen[] {
    const latest = new Map<string, number>();
    for (const { registrationIds, heardAt } of this.#sockets.values()) {
      for (const id of registrationIds) latest.set(id, Math.max(latest.get(id) ?? 0, heardAt));
    }
    return [...latest].map(([registrationId, at]) => ({ registrationId, at: new Date(at) }));
  }
}
