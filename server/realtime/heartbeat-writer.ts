/** One phone's latest heartbeat, to be written. */
export interface PhoneHeartbeat {
  registrationId: string;
  schoolId: string;
  at: Date;
}

/** How long heartbeats gather before one write stores them all. */
export const HEARTBEAT_FLUSH_MS = 200;

/**
 * Stores phones' last-seen times in batches: heartbeats arriving within HEARTBEAT_FLUSH_MS are
 * written by one statement (the latest per phone), instead of one write per heartbeat; each
 * caller's promise settles when its heartbeat is stored. With a thousand phones beating every
 * few seconds, this is the difference between a few writes and hundreds per second.
 */
export class HeartbeatWriter {
  private pending = new Map<string, PhoneHeartbeat>();
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: (heartbeats: PhoneHeartbeat[]) => Promise<void>,
    private readonly flushMs = HEARTBEAT_FLUSH_MS,
  ) {}

  touch(heartbeat: PhoneHeartbeat): Promise<void> {
    const previous = this.pending.get(heartbeat.registrationId);
    if (!previous || previous.at <= heartbeat.at) {
      this.pending.set(heartbeat.registrationId, heartbeat);
    }
    this.timer ??= setTimeout(() => {
      void this.flush();
    }, this.flushMs);
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
    });
  }

  /** Writes what has gathered now (the timer calls it; so does shutting down). */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const heartbeats = [...this.pending.values()];
    const waiters = this.waiters;
    this.pending = new Map();
    this.waiters = [];
    if (heartbeats.length === 0) return;
    try {
      await this.write(heartbeats);
      for (const waiter of waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
    }
  }
}
