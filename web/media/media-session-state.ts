/**
 * Connection states of a media session and of each subscription (livekit-style): explicit names
 * and the transitions allowed between them, so a stray event cannot move a closed session.
 */
export const CONNECTION_STATES = [
  'new',
  'connecting',
  'connected',
  'reconnecting',
  'failed',
  'closed',
] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

const ALLOWED: Record<ConnectionState, readonly ConnectionState[]> = {
  new: ['connecting', 'failed', 'closed'],
  connecting: ['connected', 'reconnecting', 'failed', 'closed'],
  connected: ['reconnecting', 'failed', 'closed'],
  reconnecting: ['connecting', 'connected', 'failed', 'closed'],
  // A failed subscription may be tried again; closed is final.
  failed: ['connecting', 'closed'],
  closed: [],
};

export function canTransition(from: ConnectionState, to: ConnectionState): boolean {
  return ALLOWED[from].includes(to);
}

/** Holds one connection state; refuses transitions the table does not allow. */
export class ConnectionStateMachine {
  #state: ConnectionState = 'new';

  constructor(private readonly onChange: (state: ConnectionState) => void) {}

  get state(): ConnectionState {
    return this.#state;
  }

  /** Moves to `next` when allowed (true) and reports it; a same-state move is a silent no-op. */
  transition(next: ConnectionState): boolean {
    if (next === this.#state || !canTransition(this.#state, next)) return false;
    this.#state = next;
    this.onChange(next);
    return true;
  }
}
