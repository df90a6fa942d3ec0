/**
 * Values trusted for a short time, by the server's clock: a hot path (every request's session, an
 * autosave's attempt) skips its database read while an entry is fresh. Whoever changes the data
 * behind an entry deletes it at once on this node; other nodes trust theirs for at most `ttlMs`.
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { value: V; storedAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: K, now: Date): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const age = now.getTime() - entry.storedAt;
    // A clock that went back (a test's, or a corrected one) also ends the entry.
    if (age >= 0 && age < this.ttlMs) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: K, value: V, now: Date): void {
    if (this.ttlMs <= 0) return;
    this.#entries.delete(key);
    if (this.#entries.size >= this.maxEntries) {
      // The oldest entry goes first: a Map iterates in insertion order.
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, storedAt: now.getTime() });
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  /** Deletes every entry whose value matches (a scan: for rare changes, not the hot path). */
  deleteWhere(matches: (value: V) => boolean): void {
    for (const [key, entry] of this.#entries) {
      if (matches(entry.value)) this.#entries.delete(key);
    }
  }
}
