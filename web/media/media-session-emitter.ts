/** A map of event names to listener signatures. */
export type EventMap = { [event: string]: (...args: never[]) => void };

/** A small typed event emitter: `on` returns the function that removes the listener. */
export class TypedEmitter<Events extends EventMap> {
  readonly #listeners = new Map<keyof Events, Set<Events[keyof Events]>>();

  on<E extends keyof Events>(event: E, listener: Events[E]): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener);
    return () => this.off(event, listener);
  }

  off<E extends keyof Events>(event: E, listener: Events[E]): void {
    this.#listeners.get(event)?.delete(listener);
  }

  protected emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const listener of [...set])
      (listener as (...params: Parameters<Events[E]>) => void)(...args);
  }

  protected removeAllListeners(): void {
    this.#listeners.clear();
  }
}
