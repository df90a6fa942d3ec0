// One client process of bench/realtime.ts (forked, never run by hand): simulated candidates'
// phone sockets that heartbeat and now and then change their waiting-room ticket over HTTP, or
// staff sockets that watch the session and time each `queue:changed` from the change's issue
// time (carried in the readiness note). Talks to the parent over IPC (realtime-protocol.ts).
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, QueueChanged, ServerToClientEvents } from '../shared/events.js';
import {
  CHANGE_NOTE_PREFIX,
  emptyReport,
  nowMs,
  type CandidateSpec,
  type FromWorker,
  type StaffSpec,
  type TargetSpec,
  type ToWorker,
} from './realtime-protocol.js';

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Sockets opened at once while a step connects its new candidates. */
const CONNECT_CONCURRENCY = 50;

let target: TargetSpec | null = null;
let report = emptyReport();
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.POSITIVE_INFINITY;
let isClosing = false;
const sockets: BenchSocket[] = [];
const timers = new Set<NodeJS.Timeout>();
/** Per staff socket: the changes of the window it has seen (a change may arrive more than once). */
const seenByStaff: Set<string>[] = [];

const inWindow = (at: number) => at >= windowStart && at <= windowEnd;

function send(message: FromWorker): void {
  process.send?.(message);
}

function mustTarget(): TargetSpec {
  if (!target) throw new Error('worker not started');
  return target;
}

/** Connects one socket; resolves when connected, rejects with the refusal. */
function openSocket(cookie: string, asPhone: boolean): Promise<BenchSocket> {
  const { url, socketPath } = mustTarget();
  const socket: BenchSocket = io(url, {
    path: socketPath,
    transports: ['websocket'],
    extraHeaders: { cookie },
    auth: asPhone ? { client: 'phone' } : {},
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      sockets.push(socket);
      socket.on('disconnect', () => {
        if (!isClosing) report.disconnects += 1;
      });
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

function every(firstDelayMs: number, nextDelayMs: () => number, job: () => void): void {
  const run = () => {
    timers.delete(timer);
    if (isClosing) return;
    job();
    timer = setTimeout(run, nextDelayMs());
    timers.add(timer);
  };
  let timer = setTimeout(run, firstDelayMs);
  timers.add(timer);
}

function heartbeat(socket: BenchSocket): void {
  if (!socket.connected) return;
  const sentAt = nowMs();
  const counted = inWindow(sentAt);
  if (counted) report.heartbeatsSent += 1;
  socket.emit('phone:heartbeat', () => {
    if (!counted) return;
    report.heartbeatAcks += 1;
    report.heartbeatRttMs.push(nowMs() - sentAt);
  });
}

/** Toggles the readiness; the note carries the issue time for the staff sockets. */
async function changeState(candidate: CandidateSpec, readiness: 'ready' | 'not_ready') {
  const { changeHeaders } = mustTarget();
  const issuedAt = nowMs();
  const counted = inWindow(issuedAt);
  if (counted) report.changesIssued += 1;
  try {
    const response = await fetch(candidate.changeUrl, {
      method: 'POST',
      headers: { ...changeHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ readiness, note: `${CHANGE_NOTE_PREFIX}${issuedAt.toFixed(3)}` }),
    });
    await response.arrayBuffer();
    if (!counted) return;
    if (response.ok) report.changeHttpMs.push(nowMs() - issuedAt);
    else report.changesFailed += 1;
  } catch {
    if (counted) report.changesFailed += 1;
  }
}

async function startCandidate(candidate: CandidateSpec): Promise<void> {
  const { heartbeatMs, changeEveryMs } = mustTarget();
  const socket = await openSocket(candidate.cookie, true);
  // Random phases spread heartbeats and changes evenly instead of in bursts per batch.
  every(
    Math.random() * heartbeatMs,
    () => heartbeatMs,
    () => heartbeat(socket),
  );
  let isReady = false;
  every(
    Math.random() * changeEveryMs,
    () => (0.5 + Math.random()) * changeEveryMs,
    () => {
      isReady = !isReady;
      void changeState(candidate, isReady ? 'ready' : 'not_ready');
    },
  );
}

async function startStaff(staff: StaffSpec): Promise<void> {
  const seen = new Set<string>();
  seenByStaff.push(seen);
  const socket = await openSocket(staff.cookie, false);
  socket.on('queue:changed', (payload: QueueChanged) => {
    const receivedAt = nowMs();
    const note = payload.ticket.readinessNote;
    if (!note?.startsWith(CHANGE_NOTE_PREFIX)) return;
    const issuedAt = Number(note.slice(CHANGE_NOTE_PREFIX.length));
    if (!inWindow(issuedAt) || seen.has(note)) return;
    seen.add(note);
    report.fanOutMs.push(receivedAt - issuedAt);
    report.fanOutDelivered += 1;
  });
  await new Promise<void>((resolve, reject) => {
    socket.timeout(10_000).emit('session:watch', { sessionId: staff.sessionId }, (error, ack) => {
      if (error instanceof Error) reject(error);
      else if (!ack.ok) reject(new Error(`session:watch refused: ${ack.code}`));
      else resolve();
    });
  });
}

/** Starts every item with a bounded number in flight; answers the time taken and the failures. */
async function startAll<T>(items: readonly T[], start: (item: T) => Promise<void>) {
  const startedAt = nowMs();
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item === undefined) continue;
      try {
        await start(item);
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  send({ type: 'added', connectMs: nowMs() - startedAt, failed, firstError });
}

function closeAll(): void {
  isClosing = true;
  for (const timer of timers) clearTimeout(timer);
  for (const socket of sockets) socket.close();
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'start':
      target = message.target;
      send({ type: 'ready' });
      return;
    case 'add-candidates':
      void startAll(message.candidates, startCandidate);
      return;
    case 'add-staff':
      void startAll(message.staff, startStaff);
      return;
    case 'window':
      report = emptyReport();
      for (const seen of seenByStaff) seen.clear();
      windowStart = message.start;
      windowEnd = message.end;
      return;
    case 'report':
      report.connected = sockets.filter((socket) => socket.connected).length;
      send({ type: 'report', report });
      return;
  }
}

process.on('message', (message: ToWorker) => handle(message));
// The parent is gone (finished or crashed): close everything and leave.
process.on('disconnect', () => {
  closeAll();
  process.exit(0);
});
