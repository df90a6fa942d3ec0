/**
 * Whether a page's media gets through, across all its peer connections (issue 19 §2): the
 * socket may take 45 s to notice a dead network, the media's ICE notices in a few seconds.
 * - `idle`: no connection has connected (yet, or any more);
 * - `connected`: at least one connection that connected is up;
 * - `interrupted`: every connection that connected is down (disconnected, restarting). When
 *   all of them break at once it is this side's network (or the only other side's): the page
 *   says 正在重新连接 even before its socket notices. One viewer's network going down leaves
 *   the others up, so a publisher with several viewers is not told its own network broke.
 * A connection is down while ICE says `disconnected`/`failed` (Chrome needs 6–8 s to say so)
 * or while nothing at all arrived on it for STALL_CHECKS reads (StallWatch: about 3 s; media
 * and the receiver's feedback flow many times a second on a live connection).
 */
export type MediaLinkState = 'idle' | 'connected' | 'interrupted';

/** Tracks each connection (by any key) as up or down and reports the page-wide state. */
export class LinkHealth {
  /** Per connection: whether ICE says it is up, and whether nothing arrives on it. */
  readonly #links = new Map<unknown, { ice: boolean; stalled: boolean }>();
  #state: MediaLinkState = 'idle';

  constructor(private readonly onChange: (state: MediaLinkState) => void) {}

  get state(): MediaLinkState {
    return this.#state;
  }

  /** The connection `key` is connected. */
  up(key: unknown): void {
    this.#links.set(key, { ice: true, stalled: this.#links.get(key)?.stalled ?? false });
    this.update();
  }

  /** The connection `key` broke; one that never connected does not count. */
  down(key: unknown): void {
    const link = this.#links.get(key);
    if (!link) return;
    link.ice = false;
    this.update();
  }

  /** Nothing arrives on `key` (or something again); one that never connected does not count. */
  stalled(key: unknown, isStalled: boolean): void {
    const link = this.#links.get(key);
    if (!link || link.stalled === isStalled) return;
    link.stalled = isStalled;
    this.update();
  }

  /** The connection `key` is gone (closed, or replaced by a new attempt). */
  remove(key: unknown): void {
    if (this.#links.delete(key)) this.update();
  }

  clear(): void {
    this.#links.clear();
    this.update();
  }

  private update(): void {
    const links = [...this.#links.values()];
    const next: MediaLinkState =
      links.length === 0
        ? 'idle'
        : links.some((link) => link.ice && !link.stalled)
          ? 'connected'
          : 'interrupted';
    if (next === this.#state) return;
    this.#state = next;
    this.onChange(next);
  }
}

/** How often StallWatch reads each connection's stats, and how many still reads make a stall. */
export const STALL_CHECK_MS = 1_000;
export const STALL_CHECKS = 3;

/** A connection to watch: its key in LinkHealth and how to read its stats (null: none yet). */
export type WatchedLink = readonly [key: unknown, getStats: () => Promise<RTCStatsReport | null>];

/**
 * Reads every connection's received bytes each STALL_CHECK_MS and reports a connection whose
 * count did not move for STALL_CHECKS reads as stalled (and unstalled when it moves again).
 */
export class StallWatch {
  readonly #still = new Map<unknown, { bytes: number; reads: number }>();
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly links: () => Iterable<WatchedLink>,
    private readonly onStall: (key: unknown, isStalled: boolean) => void,
  ) {}

  start(): void {
    this.#timer ??= setInterval(() => {
      void this.check();
    }, STALL_CHECK_MS);
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#still.clear();
  }

  forget(key: unknown): void {
    this.#still.delete(key);
  }

  async check(): Promise<void> {
    await Promise.all(
      [...this.links()].map(async ([key, getStats]) => {
        const report = await getStats().catch(() => null);
        if (!report || this.#timer === null) return;
        const bytes = bytesReceived(report);
        const last = this.#still.get(key);
        if (!last || bytes !== last.bytes) {
          this.#still.set(key, { bytes, reads: 0 });
          if (last) this.onStall(key, false);
          return;
        }
        last.reads += 1;
        if (last.reads >= STALL_CHECKS) this.onStall(key, true);
      }),
    );
  }
}

/** What arrived on the connection: its transports' bytes (candidate pairs where none). */
function bytesReceived(report: RTCStatsReport): number {
  let transports = 0;
  let pairs = 0;
  report.forEach((stat: Readonly<Record<string, unknown>>) => {
    const bytes = typeof stat.bytesReceived === 'number' ? stat.bytesReceived : 0;
    if (stat.type === 'transport') transports += bytes;
    if (stat.type === 'candidate-pair') pairs += bytes;
  });
  return transports > 0 ? transports : pairs;
}
