/**
 * Whether a page's media gets through, across all its peer connections (issue 19 §2): the
 * socket may take 45 s to notice a dead network, the media's ICE notices in a few seconds.
 * - `idle`: no connection has connected (yet, or any more);
 * - `connected`: at least one connection that connected is up;
 * - `interrupted`: every connection that connected is down (disconnected, restarting). When
 *   all of them break at once it is this side's network (or the only other side's): the page
 *   says 正在重新连接 even before its socket notices. One viewer's network going down leaves
 *   the others up, so a publisher with several viewers is not told its own network broke.
 */
export type MediaLinkState = 'idle' | 'connected' | 'interrupted';

/** Tracks each connection (by any key) as up or down and reports the page-wide state. */
export class LinkHealth {
  readonly #links = new Map<unknown, boolean>();
  #state: MediaLinkState = 'idle';

  constructor(private readonly onChange: (state: MediaLinkState) => void) {}

  get state(): MediaLinkState {
    return this.#state;
  }

  /** The connection `key` is connected. */
  up(key: unknown): void {
    this.#links.set(key, true);
    this.update();
  }

  /** The connection `key` broke; one that never connected does not count. */
  down(key: unknown): void {
    if (!this.#links.has(key)) return;
    this.#links.set(key, false);
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
      links.length === 0 ? 'idle' : links.some(Boolean) ? 'connected' : 'interrupted';
    if (next === this.#state) return;
    this.#state = next;
    this.onChange(next);
  }
}
