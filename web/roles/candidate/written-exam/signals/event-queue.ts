import {
  MAX_EVENTS_PER_REQUEST,
  type AttemptEventDetail,
  type AttemptEventType,
} from '../../../../../shared/api/attempt-events.js';

/** One event of the attempt as this browser keeps it until the server acknowledged it. */
export interface StoredEvent {
  attemptId: string;
  /** Made here: the server stores a replayed id once. */
  id: string;
  type: AttemptEventType;
  /** This browser's time (information for the server, never a decision). */
  at: string;
  /** This browser's ms and a counter: events go out in the order they happened. */
  order: [number, number];
  detail?: AttemptEventDetail;
}

/** Where events outlive the page (IndexedDB, event-storage.ts), apart from the answers. */
export interface EventStorage {
  list(attemptId: string): Promise<StoredEvent[]>;
  put(event: StoredEvent): Promise<void>;
  remove(attemptId: string, ids: readonly string[]): Promise<void>;
}

/**
 * What the server said to one batch: `saved` (stored, or had them already), `closed`
 * (ATTEMPT_CLOSED: nothing more will be taken), `dropped` (refused for good: the cap, a malformed
 * event; retrying cannot help), `failed` (no answer, or one to retry later).
 */
export type EventSendOutcome =
  { kind: 'saved' } | { kind: 'closed' } | { kind: 'dropped' } | { kind: 'failed' };

export type EventSender = (events: readonly StoredEvent[]) => Promise<EventSendOutcome>;

export interface EventQueueSnapshot {
  /** Events not acknowledged yet. */
  pending: number;
  /** The last batch got no answer: the events wait here and are sent again. */
  isFailing: boolean;
  isClosed: boolean;
  isStorageBroken: boolean;
}

interface EventQueueOptions {
  attemptId: string;
  storage: EventStorage;
  send: EventSender;
  now?: () => number;
  newId?: () => string;
}

/** A v4 UUID (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newEventId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const byOrder = (a: StoredEvent, b: StoredEvent) =>
  a.order[0] - b.order[0] || a.order[1] - b.order[1];

/**
 * The attempt's event log on its way to the server (issue 14 §3, issue 15 §1), like the answers'
 * autosave: each event is kept in storage before it is sent and forgotten once acknowledged,
 * sent in order in batches, one batch at a time. No timers or network here: the page calls
 * `flush` on reconnect and now and then while failing.
 */
export class AttemptEventQueue {
  private events: StoredEvent[] = [];
  private readonly listeners = new Set<() => void>();
  private writes: Promise<void> = Promise.resolve();
  private loading: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  private counter = 0;
  private isFailing = false;
  private isClosed = false;
  private isStorageBroken = false;
  private snapshot: EventQueueSnapshot;

  constructor(private readonly options: EventQueueOptions) {
    this.snapshot = this.buildSnapshot();
  }

  /** Reads what an earlier page of this attempt left unsent (once per queue). */
  load(): Promise<void> {
    this.loading ??= this.options.storage.list(this.options.attemptId).then(
      (stored) => {
        const known = new Set(this.events.map((event) => event.id));
        this.events = [...stored.filter((event) => !known.has(event.id)), ...this.events].sort(
          byOrder,
        );
        this.emit();
      },
      () => {
        this.isStorageBroken = true;
        this.emit();
      },
    );
    return this.loading;
  }

  /** Something happened: kept, then sent with what waits. Answers the event's id (null: closed). */
  record(type: AttemptEventType, detail?: AttemptEventDetail): string | null {
    if (this.isClosed) return null;
    const now = (this.options.now ?? Date.now)();
    const event: StoredEvent = {
      attemptId: this.options.attemptId,
      id: (this.options.newId ?? newEventId)(),
      type,
      at: new Date(now).toISOString(),
      order: [now, this.counter++],
      ...(detail ? { detail } : {}),
    };
    this.events.push(event);
    this.write(() => this.options.storage.put(event));
    this.emit();
    void this.flush();
    return event.id;
  }

  /** Sends what waits, oldest first, until none is left or a batch gets no answer. */
  flush(): Promise<void> {
    this.flushing ??= this.deliver().finally(() => {
      this.flushing = null;
      // Recorded as the last batch was answered, an event found this flush ending: send it now.
      if (this.events.length > 0 && !this.isFailing && !this.isClosed) void this.flush();
    });
    return this.flushing;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): EventQueueSnapshot => this.snapshot;

  /** The events not acknowledged yet, oldest first (tests). */
  pendingEvents(): readonly StoredEvent[] {
    return this.events;
  }

  /** Waits until every storage write issued so far is done. */
  settled(): Promise<void> {
    return this.writes;
  }

  private async deliver(): Promise<void> {
    await this.load();
    for (;;) {
      const batch = this.events.slice(0, MAX_EVENTS_PER_REQUEST);
      if (this.isClosed || batch.length === 0) return;
      // Written before it is sent: an acknowledgement never removes a copy not yet stored.
      await this.writes;
      let outcome: EventSendOutcome;
      try {
        outcome = await this.options.send(batch);
      } catch {
        outcome = { kind: 'failed' };
      }
      switch (outcome.kind) {
        case 'saved':
        case 'dropped':
          this.isFailing = false;
          this.forget(batch.map((event) => event.id));
          break;
        case 'closed':
          this.isClosed = true;
          this.forget(this.events.map((event) => event.id));
          return;
        case 'failed':
          this.isFailing = true;
          this.emit();
          return;
      }
    }
  }

  private forget(ids: readonly string[]): void {
    const gone = new Set(ids);
    this.events = this.events.filter((event) => !gone.has(event.id));
    this.write(() => this.options.storage.remove(this.options.attemptId, ids));
    this.emit();
  }

  /** Storage writes in the order they were made. */
  private write(operation: () => Promise<void>): void {
    this.writes = this.writes.then(operation).catch(() => {
      this.isStorageBroken = true;
      this.emit();
    });
  }

  private emit(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): EventQueueSnapshot {
    return {
      pending: this.events.length,
      isFailing: this.isFailing,
      isClosed: this.isClosed,
      isStorageBroken: this.isStorageBroken,
    };
  }
}
