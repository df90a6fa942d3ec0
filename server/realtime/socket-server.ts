import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import { SOCKET_PATH } from '../../shared/events.js';
import type { AuthService } from '../auth/service.js';
import type { CheckInDeps } from '../check-in/routes.js';
import type { InterviewRuntime } from '../interviews/runtime.js';
import type { AttemptChangeFeed } from '../written-exam/attempt-change-feed.js';
import { RealtimeHub } from './realtime-hub.js';
import { registrationRoom, type RealtimeServer } from './types.js';

export interface RealtimeDeps extends CheckInDeps {
  auth: AuthService;
  redisUrl: string | null;
  redisKeyPrefix: string;
  /** Whether the proxy's X-Forwarded-* headers are believed (TRUST_PROXY). */
  trustProxy: boolean;
  /** The waiting room shared with the HTTP routes (see createInterviewRuntime). */
  interviews: InterviewRuntime;
  /** A candidate's attempt changed under them (time added, 强制交卷): their page is told. */
  attemptChanges?: AttemptChangeFeed;
  /** How often silent phones are looked for; the sweep itself reads the injected clock. */
  phoneSweepIntervalMs?: number;
  /** How often candidate PCs heard are written (outage protection); PRESENCE_WRITE_MS. */
  presenceWriteMs?: number;
}

/** Each node writes the candidate PCs it heard this often (below the outage threshold's 30 s). */
export const PRESENCE_WRITE_MS = 10_000;

/** What tests (and ops tooling) may reach of the realtime layer of one app. */
export interface RealtimeHandle {
  io: RealtimeServer;
  /** One sweep for silent phones now (the timer runs it every second). */
  sweepPhones(): void;
  /** One sweep for calling examiners gone past the grace period (the timer runs it too). */
  sweepExaminers(): Promise<void>;
  /** Writes the candidate PCs heard now (the timer does it every PRESENCE_WRITE_MS). */
  recordPcAttendance(): Promise<void>;
  /** Resolves when the work started by earlier change-feed events is done. */
  settled(): Promise<void>;
}

const handles = new WeakMap<FastifyInstance, RealtimeHandle>();

/** The realtime layer attached to an app by `attachRealtime`. */
export function realtimeOf(app: FastifyInstance): RealtimeHandle {
  const handle = handles.get(app);
  if (!handle) throw new Error('attachRealtime was not called on this app');
  return handle;
}

/**
 * Socket.IO on the app's HTTP server (typed from shared/events.ts): authenticated at the
 * handshake, every payload validated, rooms per registration and per session. In-process only:
 * with several nodes, `@socket.io/redis-adapter` must be added when REDIS_URL is set (docs/design.md
 * "Realtime"); it is not installed yet, so phone presence and media links are per node.
 */
export function attachRealtime(app: FastifyInstance, deps: RealtimeDeps): void {
  const io: RealtimeServer = new Server(app.server, { path: SOCKET_PATH, serveClient: false });
  const hub = new RealtimeHub(app, io, deps);
  const timer = setInterval(() => {
    hub.presence.sweep();
    hub.sweepExaminers();
  }, deps.phoneSweepIntervalMs ?? 1000);
  timer.unref();
  const presenceTimer = setInterval(() => {
    hub.recordPcAttendance();
  }, deps.presenceWriteMs ?? PRESENCE_WRITE_MS);
  presenceTimer.unref();
  const unsubscribe = deps.changes.subscribe((change) => hub.onCheckInChanged(change));
  const unsubscribeAttempts =
    deps.attemptChanges?.subscribe((registrationId) => {
      io.to(registrationRoom(registrationId)).emit('attempt:changed', { registrationId });
    }) ?? (() => true);
  const unsubscribeTickets = hub.interviews.feed.subscribe({
    ticket: (change) => hub.onTicketChanged(change),
    presence: (change) => hub.onExaminerPresenceChanged(change.sessionId),
  });
  handles.set(app, {
    io,
    sweepPhones: () => hub.presence.sweep(),
    sweepExaminers: async () => {
      hub.sweepExaminers();
      await hub.settled();
    },
    recordPcAttendance: async () => {
      hub.recordPcAttendance();
      await hub.settled();
    },
    settled: () => hub.settled(),
  });

  // Open sockets would keep the HTTP server from closing: end them before Fastify closes it,
  // and let the work their disconnects started finish while the database is still open.
  app.addHook('preClose', async () => {
    clearInterval(timer);
    clearInterval(presenceTimer);
    unsubscribe();
    unsubscribeAttempts();
    unsubscribeTickets();
    io.disconnectSockets(true);
    io.engine.close();
    await hub.heartbeats.flush();
    await hub.settled();
  });
  app.addHook('onClose', async () => {
    await io.close();
  });
}
