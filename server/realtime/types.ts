import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events.js';
import type { SocketIdentity } from './handshake.js';

/** What the server keeps on each socket: who it is, settled at the handshake. */
export interface SocketData {
  identity: SocketIdentity;
  /**
   * A phone socket whose exam is not over yet: when its session ends (its heartbeat tells it
   * `monitoring:ended` then, without reading the database each beat). Unset once it was told.
   */
  sessionEndsAt?: Date;
}

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** A registration's candidate PC sockets and its phone sockets. */
export const registrationRoom = (registrationId: string) => `registration:${registrationId}`;
/** Staff following a session (`session:watch`). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** The PC sockets of a session's candidates (told when an examiner's camera comes on). */
export const sessionCandidatesRoom = (sessionId: string) => `session-candidates:${sessionId}`;
/** A registration's phone sockets only (told when the exam is over for its candidate). */
export const registrationPhonesRoom = (registrationId: string) =>
  `registration-phones:${registrationId}`;
/** The sockets of one phone pairing (several tabs of the same phone). */
export const pairingRoom = (pairingId: string) => `pairing:${pairingId}`;
