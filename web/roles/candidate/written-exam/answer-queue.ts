import type { AttemptView } from '../../../../shared/api/written-exam.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import type { ApiErrorCode } from '../../../api/ApiError.js';

type SavedAnswer = AttemptView['answers'][number];

/**
 * One question's record in this browser (issue 14 §5): the last seq the page gave it, and the
 * answer with that seq while the server has not acknowledged it.
 */
export interface StoredAnswer {
  attemptId: string;
  paperQuestionId: string;
  /** The question's counter: the last seq used, kept after the acknowledgement. */
  seq: number;
  /** The answer sent with `seq`, until the server acknowledged it; null once it has. */
  pending: Answer | null;
  /** When it was changed (this browser's ms): a replay sends the oldest first. */
  changedAt: number;
}

/** Where the records outlive the page (IndexedDB in the browser, answer-storage.ts). */
export interface AnswerStorage {
  /** Every record of one attempt. */
  list(attemptId: string): Promise<StoredAnswer[]>;
  /** Replaces the record of its attempt and question. */
  put(record: StoredAnswer): Promise<void>;
}

/**
 * What the server said to one save: `saved` (committed), `stale` (this or a newer seq is
 * stored already, `storedSeq` says which: the same seq is a replay after a lost acknowledgement,
 * a higher one another device's answer; null when the server did not say, taken as a replay),
 * `closed` (ATTEMPT_CLOSED: nothing more will be taken), `rejected` (the answer does not fit;
 * retrying cannot help), `failed` (no answer, or one to retry later: the network, a 5xx).
 */
export type SendOutcome =
  | { kind: 'saved' }
  | { kind: 'stale'; storedSeq: number | null }
  | { kind: 'closed' }
  | { kind: 'rejected'; code: ApiErrorCode }
  | { kind: 'failed' };

export type AnswerSender = (
  paperQuestionId: string,
  answer: Answer,
  seq: number,
) => Promise<SendOutcome>;

/**
 * `saved`: nothing waits; `saving`: answers on their way; `failing`: the last try got no answer
 * (offline), they wait here; `closed`: the server takes no more (pendingIds did not reach it).
 */
export type QueueStatus = 'saved' | 'saving' | 'failing' | 'closed';

export interface QueueSnapshot {
  status: QueueStatus;
  /** Questions whose latest answer the server has not acknowledged, oldest change first. */
  pendingIds: readonly string[];
  /** Questions whose answer the server refused, with its error code. */
  rejected: ReadonlyMap<string, ApiErrorCode>;
  /**
   * Questions whose answer here another device overtook on the server (a higher seq stored):
   * what the page shows is not what the server holds until it shows the stored one (takeStored).
   */
  overtakenIds: readonly string[];
  /** This browser could not keep a copy (private mode, disk full): only the server has them. */
  isStorageBroken: boolean;
}

interface QueueOptions {
  attemptId: string;
  storage: AnswerStorage;
  send: AnswerSender;
  now?: () => number;
}

type Delivery = 'done' | 'failed' | 'closed';

/**
 * The autosave queue of one attempt: every change gets the question's next seq, is kept in
 * storage before it is sent, and is forgotten only once the server acknowledged it (or said it
 * holds this seq, or another device's newer one: the page then shows that one). One request per question at a time; a change made meanwhile is sent
 * when it returns. Nothing here knows about timers or the network: the page calls `flush` on
 * reconnect and now and then while failing.
 */
export class AnswerQueue {
  private readonly records = new Map<string, StoredAnswer>();
  private readonly inFlight = new Map<string, Promise<Delivery>>();
  private readonly rejected = new Map<string, ApiErrorCode>();
  /** Overtaken questions and the seq the server said it holds for each. */
  private readonly overtaken = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private readonly overtakenListeners = new Set<(paperQuestionId: string) => void>();
  private writes: Promise<void> = Promise.resolve();
  private isFailing = false;
  private isClosed = false;
  private isStorageBroken = false;
  private snapshot: QueueSnapshot;
  private loading: Promise<Map<string, Answer>> | null = null;

  constructor(private readonly options: QueueOptions) {
    this.snapshot = this.buildSnapshot();
  }

  /**
   * Reads what this browser kept and returns the answers to show: the server's, unless a local
   * one with a higher seq still waits (it is then sent by the next `flush`).
   */
  load(server: readonly SavedAnswer[]): Promise<Map<string, Answer>> {
    // Once per queue: a second reading (React runs effects twice in development) would take
    // the records the first one set for the server's and settle the copies that still wait.
    this.loading ??= this.readStored(server);
    return this.loading;
  }

  private async readStored(server: readonly SavedAnswer[]): Promise<Map<string, Answer>> {
    const { attemptId, storage } = this.options;
    let stored: StoredAnswer[] = [];
    try {
      stored = await storage.list(attemptId);
    } catch {
      this.isStorageBroken = true;
    }
    const answers = new Map(server.map((saved) => [saved.paperQuestionId, saved.answer]));
    const serverSeqs = new Map(server.map((saved) => [saved.paperQuestionId, saved.seq]));
    for (const saved of server) {
      this.records.set(saved.paperQuestionId, {
        attemptId,
        paperQuestionId: saved.paperQuestionId,
        seq: saved.seq,
        pending: null,
        changedAt: 0,
      });
    }
    for (const record of stored) {
      const serverSeq = serverSeqs.get(record.paperQuestionId) ?? 0;
      if (record.pending && record.seq > serverSeq) {
        this.records.set(record.paperQuestionId, record);
        answers.set(record.paperQuestionId, record.pending);
      } else {
        const settled = { ...record, seq: Math.max(record.seq, serverSeq), pending: null };
        this.records.set(record.paperQuestionId, settled);
        if (record.pending) this.persist(settled);
      }
    }
    this.emit();
    return answers;
  }

  /** The candidate changed an answer: kept here under the next seq, then sent. */
  change(paperQuestionId: string, answer: Answer): void {
    if (this.isClosed) return;
    // Its seq is above the other device's: this change is the newest and replaces it.
    this.overtaken.delete(paperQuestionId);
    const previous = this.records.get(paperQuestionId);
    const record: StoredAnswer = {
      attemptId: this.options.attemptId,
      paperQuestionId,
      seq: (previous?.seq ?? 0) + 1,
      pending: answer,
      changedAt: (this.options.now ?? Date.now)(),
    };
    this.records.set(paperQuestionId, record);
    this.persist(record);
    this.emit();
    void this.send(paperQuestionId);
  }

  /**
   * Sends every waiting answer, oldest change first, one after the other; stops at the first
   * that gets no answer (the network is down: the rest would fail too). Resolves when done.
   */
  async flush(): Promise<void> {
    const waiting = [...this.records.values()]
      .filter((record) => record.pending !== null)
      .sort((a, b) => a.changedAt - b.changedAt);
    for (const record of waiting) {
      const delivery = await this.send(record.paperQuestionId);
      if (delivery !== 'done') return;
    }
  }

  /**
   * The server's answers as just read: an overtaken question takes the stored answer and seq
   * (so the next change here is numbered above it). Returns the answers the page should show
   * instead of its own, once the server's reading is at least as new as the seq it named.
   */
  takeStored(server: readonly SavedAnswer[]): Map<string, Answer> {
    const shown = new Map<string, Answer>();
    for (const saved of server) {
      const { paperQuestionId } = saved;
      const storedSeq = this.overtaken.get(paperQuestionId);
      if (storedSeq === undefined || saved.seq < storedSeq) continue;
      this.overtaken.delete(paperQuestionId);
      const record = this.records.get(paperQuestionId);
      const settled: StoredAnswer = {
        attemptId: this.options.attemptId,
        paperQuestionId,
        seq: Math.max(record?.seq ?? 0, saved.seq),
        pending: null,
        changedAt: record?.changedAt ?? 0,
      };
      this.records.set(paperQuestionId, settled);
      this.persist(settled);
      shown.set(paperQuestionId, saved.answer);
    }
    if (shown.size > 0) this.emit();
    return shown;
  }

  /** The last seq given to a question (the server's, or this browser's if higher). */
  seqOf(paperQuestionId: string): number {
    return this.records.get(paperQuestionId)?.seq ?? 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): QueueSnapshot => this.snapshot;

  /** Another device stored a newer answer of a question: the page should read it (takeStored). */
  subscribeOvertaken(listener: (paperQuestionId: string) => void): () => void {
    this.overtakenListeners.add(listener);
    return () => this.overtakenListeners.delete(listener);
  }

  /** Waits until every storage write issued so far is done (tests; before a reload). */
  settled(): Promise<void> {
    return this.writes;
  }

  private send(paperQuestionId: string): Promise<Delivery> {
    const running = this.inFlight.get(paperQuestionId);
    if (running) return running;
    const delivery = this.deliver(paperQuestionId).finally(() => {
      this.inFlight.delete(paperQuestionId);
      this.emit();
    });
    this.inFlight.set(paperQuestionId, delivery);
    this.emit();
    return delivery;
  }

  /** Sends the question's latest answer until none newer waits, or the server cannot be reached. */
  private async deliver(paperQuestionId: string): Promise<Delivery> {
    for (;;) {
      if (this.isClosed) return 'closed';
      const record = this.records.get(paperQuestionId);
      if (!record?.pending) return 'done';
      const { seq, pending } = record;
      let outcome: SendOutcome;
      try {
        outcome = await this.options.send(paperQuestionId, pending, seq);
      } catch {
        outcome = { kind: 'failed' };
      }
      switch (outcome.kind) {
        case 'saved':
          this.isFailing = false;
          this.rejected.delete(paperQuestionId);
          this.acknowledge(paperQuestionId, seq);
          break;
        case 'stale':
          this.isFailing = false;
          this.rejected.delete(paperQuestionId);
          if (outcome.storedSeq !== null && outcome.storedSeq > seq) {
            this.overtake(paperQuestionId, outcome.storedSeq);
          } else {
            this.acknowledge(paperQuestionId, seq);
          }
          break;
        case 'rejected':
          this.isFailing = false;
          this.rejected.set(paperQuestionId, outcome.code);
          this.acknowledge(paperQuestionId, seq);
          break;
        case 'closed':
          this.isClosed = true;
          this.emit();
          return 'closed';
        case 'failed':
          this.isFailing = true;
          this.emit();
          return 'failed';
      }
      this.emit();
    }
  }

  /** The server has `seq` (or newer): forget the copy, unless a newer change was made since. */
  private acknowledge(paperQuestionId: string, seq: number): void {
    const record = this.records.get(paperQuestionId);
    if (!record || record.seq !== seq) return;
    const settled = { ...record, pending: null };
    this.records.set(paperQuestionId, settled);
    this.persist(settled);
  }

  /**
   * Another device stored `storedSeq`, newer than what was sent: the copy here is dropped and
   * the question counts on from that seq, until the page shows the stored answer. A change made
   * here since with a seq above it is newer still: it goes out next and replaces it.
   */
  private overtake(paperQuestionId: string, storedSeq: number): void {
    const record = this.records.get(paperQuestionId);
    if (!record || record.seq > storedSeq) return;
    const settled = { ...record, seq: storedSeq, pending: null };
    this.records.set(paperQuestionId, settled);
    this.persist(settled);
    this.overtaken.set(paperQuestionId, storedSeq);
    for (const listener of this.overtakenListeners) listener(paperQuestionId);
  }

  /** Writes in the order they were made, so an acknowledgement never lands before its change. */
  private persist(record: StoredAnswer): void {
    this.writes = this.writes
      .then(() => this.options.storage.put(record))
      .catch(() => {
        this.isStorageBroken = true;
        this.emit();
      });
  }

  private emit(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): QueueSnapshot {
    const pendingIds = [...this.records.values()]
      .filter((record) => record.pending !== null)
      .sort((a, b) => a.changedAt - b.changedAt)
      .map((record) => record.paperQuestionId);
    const status: QueueStatus = this.isClosed
      ? 'closed'
      : pendingIds.length === 0 && this.overtaken.size === 0
        ? 'saved'
        : this.isFailing
          ? 'failing'
          : 'saving';
    return {
      status,
      pendingIds,
      rejected: new Map(this.rejected),
      overtakenIds: [...this.overtaken.keys()],
      isStorageBroken: this.isStorageBroken,
    };
  }
}
