/**
 * Group commit for autosaves (docs/performance.md, autosave): saves that arrive while others are
 * being written go together, as one statement and one commit, instead of one transaction each.
 * Nothing waits on a timer: a save arriving at a quiet moment goes at once (after the current
 * turn of the event loop, so saves that arrived together share it); under load the next batch
 * gathers while at most `maxInFlight` are being written.
 *
 * One save per attempt per batch, and none of an attempt while a batch holding it is in flight
 * on this node: a candidate's saves are written one after another, and two statements never hold
 * locks on the same attempt row (whose order they could cross).
 */
export interface SaveBatcherOptions<S, R> {
  /** Writes saves together; answers one outcome per save, in their order. */
  writeBatch: (saves: readonly S[]) => Promise<R[]>;
  /** Writes one save alone: when a batch fails, each of its saves is tried alone. */
  writeOne: (save: S) => Promise<R>;
  /** What a save is serialised on (its attempt). */
  keyOf: (save: S) => string;
  maxInFlight?: number;
  maxBatch?: number;
}

interface Waiting<S, R> {
  save: S;
  resolve: (outcome: R) => void;
  reject: (error: unknown) => void;
}

/** Batches at most this many saves: a statement of a few dozen kilobytes. */
const DEFAULT_MAX_BATCH = 100;
/** Statements in flight at once; the rest of the pool stays for reads and other requests. */
const DEFAULT_MAX_IN_FLIGHT = 4;

export class SaveBatcher<S, R> {
  readonly #waiting: Waiting<S, R>[] = [];
  readonly #busyKeys = new Set<string>();
  #inFlight = 0;
  #isScheduled = false;
  readonly #maxInFlight: number;
  readonly #maxBatch: number;

  constructor(private readonly options: SaveBatcherOptions<S, R>) {
    this.#maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    this.#maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  }

  save(save: S): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ save, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#isScheduled) return;
    this.#isScheduled = true;
    setImmediate(() => {
      this.#isScheduled = false;
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.#maxInFlight) {
      const batch = this.#take();
      if (batch.length === 0) return;
      this.#inFlight += 1;
      const keys = batch.map((waiting) => this.options.keyOf(waiting.save));
      for (const key of keys) this.#busyKeys.add(key);
      void this.#write(batch).finally(() => {
        this.#inFlight -= 1;
        for (const key of keys) this.#busyKeys.delete(key);
        if (this.#waiting.length > 0) this.#schedule();
      });
    }
  }

  /** The oldest waiting saves whose key is free, one per key, up to the batch size. */
  #take(): Waiting<S, R>[] {
    const batch: Waiting<S, R>[] = [];
    const taken = new Set<string>();
    for (let index = 0; index < this.#waiting.length && batch.length < this.#maxBatch;) {
      const waiting = this.#waiting[index];
      if (!waiting) break;
      const key = this.options.keyOf(waiting.save);
      if (this.#busyKeys.has(key) || taken.has(key)) {
        index += 1;
        continue;
      }
      taken.add(key);
      batch.push(waiting);
      this.#waiting.splice(index, 1);
    }
    return batch;
  }

  async #write(batch: readonly Waiting<S, R>[]): Promise<void> {
    try {
      const outcomes =
        batch.length === 1 && batch[0]
          ? [await this.options.writeOne(batch[0].save)]
          : await this.options.writeBatch(batch.map((waiting) => waiting.save));
      batch.forEach((waiting, index) => {
        const outcome = outcomes[index];
        if (outcome === undefined) waiting.reject(new Error('save batch answered too few rows'));
        else waiting.resolve(outcome);
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One save's trouble must not fail the others: each is tried alone, with its own answer.
      await Promise.all(
        batch.map((waiting) =>
          this.options.writeOne(waiting.save).then(waiting.resolve, waiting.reject),
        ),
      );
    }
  }
}
