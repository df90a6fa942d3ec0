// The AI monitor's evidence snapshots on their way to the server (issue 15 §1): each JPEG is
// kept in storage (IndexedDB, evidence-storage.ts) before it is sent and forgotten once the
// server has it, like the events. A snapshot belongs to an event, so it can only be taken after
// its event: EVENT_NOT_FOUND waits and is sent again. No timers or network here.

/** One snapshot as this browser keeps it until the server has it. */
export interface StoredSnapshot {
  attemptId: string;
  eventId: string;
  jpeg: Blob;
  /** This browser's ms when it was taken: sent oldest first. */
  takenAt: number;
}

export interface SnapshotStorage {
  list(attemptId: string): Promise<StoredSnapshot[]>;
  put(snapshot: StoredSnapshot): Promise<void>;
  remove(attemptId: string, eventId: string): Promise<void>;
}

/**
 * What the server said to one upload: `done` (stored, or had it already), `later` (no answer,
 * or its event has not arrived yet), `dropped` (refused for good: closed, too large, not JPEG).
 */
export type SnapshotOutcome = 'done' | 'later' | 'dropped';
export type SnapshotSender = (snapshot: StoredSnapshot) => Promise<SnapshotOutcome>;

/** Snapshots one attempt keeps waiting at most; a flood beyond it is not kept. */
export const MAX_WAITING_SNAPSHOTS = 60;

export class SnapshotQueue {
  private waiting: StoredSnapshot[] = [];
  private loading: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  private hasWaitingAfterFlush = false;

  constructor(
    private readonly attemptId: string,
    private readonly storage: SnapshotStorage,
    private readonly send: SnapshotSender,
  ) {}

  /** Whether a snapshot is still waiting after the last flush (the page retries then). */
  get isWaiting(): boolean {
    return this.hasWaitingAfterFlush;
  }

  /** Keeps the snapshot of `eventId` and sends what waits. */
  async add(eventId: string, jpeg: Blob): Promise<void> {
    await this.load();
    if (this.waiting.length >= MAX_WAITING_SNAPSHOTS) return;
    const snapshot = { attemptId: this.attemptId, eventId, jpeg, takenAt: Date.now() };
    this.waiting.push(snapshot);
    await this.storage.put(snapshot).catch(() => undefined);
    await this.flush();
  }

  /** Sends what waits, oldest first; stops at the first that must wait. */
  flush(): Promise<void> {
    this.flushing ??= this.deliver().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private load(): Promise<void> {
    this.loading ??= this.storage.list(this.attemptId).then(
      (stored) => {
        const known = new Set(this.waiting.map((snapshot) => snapshot.eventId));
        this.waiting = [
          ...stored.filter((snapshot) => !known.has(snapshot.eventId)),
          ...this.waiting,
        ];
        this.waiting.sort((a, b) => a.takenAt - b.takenAt);
      },
      () => undefined,
    );
    return this.loading;
  }

  private async deliver(): Promise<void> {
    await this.load();
    while (this.waiting.length > 0) {
      const [next] = this.waiting;
      if (!next) break;
      const outcome = await this.send(next).catch((): SnapshotOutcome => 'later');
      if (outcome === 'later') break;
      this.waiting.shift();
      await this.storage.remove(this.attemptId, next.eventId).catch(() => undefined);
    }
    this.hasWaitingAfterFlush = this.waiting.length > 0;
  }
}
