import { useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  SOCKET_PATH,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketAuth,
} from '../../shared/events.js';

/** The page's socket, typed from shared/events.ts (docs/design.md "Realtime"). */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a command waits for the server's acknowledgement. */
export const ACK_TIMEOUT_MS = 8_000;

/** What a page shows about its live connection. */
export type SocketConnectionState = 'idle' | 'connecting' | 'connected' | 'disconnected';

let socket: AppSocket | null = null;
let lastRefusal: string | null = null;
let connectionState: SocketConnectionState = 'idle';
const stateListeners = new Set<() => void>();

function setConnectionState(next: SocketConnectionState): void {
  if (connectionState === next) return;
  connectionState = next;
  for (const listener of stateListeners) listener();
}

let handshakeAuth: SocketAuth = {};

const creationHooks: ((socket: AppSocket) => void)[] = [];

/**
 * Attaches listeners to the page's socket the moment it is created (at once when it exists), so
 * they hear the full state the server sends right on connect, before any component listens.
 * For page-wide stores (the phone status); components subscribe to the store.
 */
export function onSocketCreated(attach: (socket: AppSocket) => void): void {
  creationHooks.push(attach);
  if (socket) attach(socket);
}

/**
 * Says who this page is at the handshake; the phone page calls it with `{ client: 'phone' }`
 * before its first `getSocket()` (a browser may hold a login cookie too).
 */
export function configureSocket(auth: SocketAuth): void {
  handshakeAuth = auth;
}

/**
 * The one socket of this page, created on first use and not connected until `connectSocket()`:
 * the phone page may only connect once its pairing cookie exists.
 */
export function getSocket(): AppSocket {
  if (socket) return socket;
  const created: AppSocket = io({
    path: SOCKET_PATH,
    withCredentials: true,
    transports: ['websocket'],
    autoConnect: false,
    auth: { ...handshakeAuth },
  });
  created.on('connect', () => {
    setConnectionState('connected');
  });
  created.on('disconnect', () => {
    setConnectionState(created.active ? 'connecting' : 'disconnected');
  });
  created.on('connect_error', (error) => {
    // A refused handshake (no cookie, replaced phone) does not retry by itself; its message is
    // the error code (shared/events.ts).
    lastRefusal = created.active ? null : error.message;
    setConnectionState(created.active ? 'connecting' : 'disconnected');
  });
  socket = created;
  for (const attach of creationHooks) attach(created);
  return created;
}

/** Connects the page's socket (idempotent) and returns it. */
export function connectSocket(): AppSocket {
  const current = getSocket();
  if (!current.connected && !current.active) {
    setConnectionState('connecting');
    current.connect();
  }
  return current;
}

/** The error code of the last refused handshake (UNAUTHENTICATED, PHONE_NOT_PAIRED …), if any. */
export function socketRefusal(): string | null {
  return lastRefusal;
}

/** Closes the page's socket for good (a replaced phone, a logout). */
export function disconnectSocket(): void {
  if (!socket) return;
  socket.disconnect();
  setConnectionState('disconnected');
}

/** Follows the page socket's connection state (re-renders on change). */
export function useSocketConnectionState(): SocketConnectionState {
  return useSyncExternalStore(
    (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    () => connectionState,
  );
}

/** Commands whose last argument is the server's Ack. */
type AckCommand = {
  [E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]> extends [
    unknown,
    (ack: Ack) => void,
  ]
    ? E
    : never;
}[keyof ClientToServerEvents];

type CommandPayload<E extends AckCommand> = Parameters<ClientToServerEvents[E]>[0];
type TimedAckEmit = (
  event: AckCommand,
  payload: unknown,
  callback: (error: Error | null, ack: Ack) => void,
) => void;

/**
 * Sends a command and waits for its Ack; a timeout or a lost connection resolves as
 * `{ ok: false, code: 'UNAVAILABLE' }` so callers handle one shape.
 */
export function emitWithAck<E extends AckCommand>(
  target: AppSocket,
  event: E,
  payload: CommandPayload<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<Ack> {
  return new Promise((resolve) => {
    // socket.io cannot map a generic event to its decorated (error-first) ack; AckCommand
    // guarantees the shape, so the one cast is local to this helper.
    const timed = target.timeout(timeoutMs) as unknown as { emit: TimedAckEmit };
    timed.emit(event, payload, (error, ack) => {
      resolve(error ? { ok: false, code: 'UNAVAILABLE' } : ack);
    });
  });
}
