import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { PHONE_COOKIE } from '../../shared/api/phone.js';
import {
  SOCKET_PATH,
  type Ack,
  type ClientToServerEvents,
  type MediaPublish,
  type ServerToClientEvents,
  type SocketAuth,
  type WatchMedia,
} from '../../shared/events.js';
import type { TestApp, TestClient } from '../test/test-app.js';
import { realtimeOf } from './socket-server.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents;
type EventArgs<E extends EventName> = Parameters<ServerToClientEvents[E]>;

/** Listens on the loopback with a free port and returns the base URL (test helper). */
export async function listen(test: TestApp): Promise<string> {
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const address = test.app.server.address() as AddressInfo;
  return `http://127.0.0.1:${String(address.port)}`;
}

/** The app's base URL: listening already (a socket test), or from now on (test helper). */
export async function urlOf(test: TestApp): Promise<string> {
  const address = test.app.server.address();
  if (address && typeof address === 'object') return `http://127.0.0.1:${String(address.port)}`;
  return listen(test);
}

/** The Cookie header a browser would send: the login session or the phone's device cookie. */
export function cookieHeaderOf(client: TestClient): string {
  return ['invigil_sid', PHONE_COOKIE]
    .map((name) => [name, client.cookie(name)] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

/**
 * A socket that records every event from the moment it connects, so tests can also read what
 * arrived right at the handshake (test helper). Not connected until `connect()` is called.
 */
export class RecordingSocket {
  readonly socket: TestSocket;
  private readonly events: { name: EventName; args: unknown[] }[] = [];
  private readonly waiters: (() => void)[] = [];

  constructor(
    url: string,
    options: {
      cookie?: string;
      origin?: string;
      auth?: SocketAuth;
      /** More handshake headers, as a proxy would add them. */
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    if (options.origin) headers.origin = options.origin;
    this.socket = io(url, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      extraHeaders: headers,
      auth: options.auth ?? {},
      reconnection: false,
      forceNew: true,
      autoConnect: false,
    });
    this.socket.onAny((name: EventName, ...args: unknown[]) => {
      this.events.push({ name, args });
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Connects; resolves with the socket id, rejects with the refusal's message. */
  connect(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => {
        resolve(this.socket.id ?? '');
      });
      this.socket.once('connect_error', reject);
      this.socket.connect();
    });
  }

  get id(): string {
    return this.socket.id ?? '';
  }

  /** The events of one name received so far, oldest first. */
  received<E extends EventName>(name: E): EventArgs<E>[] {
    return this.events
      .filter((event) => event.name === name)
      .map((event) => event.args as EventArgs<E>);
  }

  /** Every event name in arrival order. */
  names(): EventName[] {
    return this.events.map((event) => event.name);
  }

  /** Waits until an event of this name matching `accept` has arrived (already or later). */
  async next<E extends EventName>(
    name: E,
    accept: (...args: EventArgs<E>) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<EventArgs<E>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received(name).find((args) => accept(...args));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${name} within ${String(timeoutMs)} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** `media:publish`, answered with its ack. */
  publish(payload: MediaPublish): Promise<Ack> {
    return new Promise((resolve) => {
      this.socket.emit('media:publish', payload, resolve);
    });
  }

  /** `media:watch`, answered with its ack. */
  watchMedia(payload: WatchMedia): Promise<Ack> {
    return new Promise((resolve) => {
      this.socket.emit('media:watch', payload, resolve);
    });
  }

  /** Forgets what arrived so far. */
  clear(): void {
    this.events.length = 0;
  }

  close(): void {
    this.socket.disconnect();
  }
}

/**
 * A logged-in client's socket, connected, once the server's connect work (rooms, state) is done;
 * added to `opened` so the test can close them all (test helper).
 */
export async function connectClient(
  test: TestApp,
  url: string,
  client: TestClient,
  opened: RecordingSocket[],
): Promise<RecordingSocket> {
  const socket = new RecordingSocket(url, { cookie: cookieHeaderOf(client) });
  opened.push(socket);
  await socket.connect();
  await realtimeOf(test.app).settled();
  return socket;
}
