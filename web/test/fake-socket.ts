import { act } from '@testing-library/react';
import type { Ack, ServerToClientEvents } from '../../shared/events.js';

type Listener = (...args: unknown[]) => void;
type CommandAnswer = (event: string, payload: unknown) => Ack;

/**
 * The page's Socket.IO connection in a component test: `socket.io-client`'s `io()` answers this
 * instead of opening a WebSocket (web/test/setup.ts), so the app's own socket code runs on top.
 * The test plays the server: it pushes events, answers commands, drops the connection.
 */
export class FakeSocket {
  connected = false;
  active = false;
  id: string | undefined;
  /** What the page sent, oldest first (heartbeats, watch commands …). */
  readonly sent: { event: string; payload: unknown }[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  private answerCommand: CommandAnswer = () => ({ ok: true });

  on(event: string, listener: Listener): this {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  off(event: string, listener?: Listener): this {
    if (listener) this.listeners.get(event)?.delete(listener);
    else this.listeners.delete(event);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped);
      listener(...args);
    };
    return this.on(event, wrapped);
  }

  emit(event: string, ...args: unknown[]): this {
    const last = args.at(-1);
    const payload = typeof last === 'function' ? args.slice(0, -1)[0] : args[0];
    this.sent.push({ event, payload });
    if (typeof last === 'function')
      (last as (ack: Ack) => void)(this.answerCommand(event, payload));
    return this;
  }

  /** socket.io's acknowledgement with a deadline: answered at once, error-first. */
  timeout(_ms: number) {
    return {
      emit: (
        event: string,
        payload: unknown,
        callback: (error: Error | null, ack: Ack) => void,
      ) => {
        this.sent.push({ event, payload });
        callback(null, this.answerCommand(event, payload));
      },
    };
  }

  connect(): this {
    this.active = true;
    queueMicrotask(() => {
      if (!this.active || this.connected) return;
      this.connected = true;
      this.id = 'socket-of-this-page';
      this.fire('connect');
    });
    return this;
  }

  disconnect(): this {
    this.active = false;
    this.connected = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }

  // The server's side, for the test.

  /** The server sends an event to this page. */
  serverEmit<E extends keyof ServerToClientEvents>(
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void {
    act(() => this.fire(event, ...args));
  }

  /** How the server acknowledges commands from now on (default `{ ok: true }`). */
  answerCommands(answer: CommandAnswer): void {
    this.answerCommand = answer;
  }

  /** The network drops: socket.io keeps trying to reconnect (`active` stays true). */
  dropConnection(): void {
    act(() => {
      this.connected = false;
      this.fire('disconnect', 'transport close');
    });
  }

  /** Back to a closed socket between tests; the app's own listeners stay, as on one page. */
  reset(): void {
    if (this.active) this.disconnect();
    this.sent.length = 0;
    this.answerCommand = () => ({ ok: true });
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

/** The one socket of the page under test (the app creates a single one per page). */
export const pageSocket = new FakeSocket();

/** Stands in for `io()` of socket.io-client. */
export const fakeIo = (): FakeSocket => pageSocket;
