// What bench/realtime.ts and its worker processes (bench/realtime-worker.ts) say to each other
// over the fork IPC channel, and the small statistics both sides share.

/** How one simulated candidate connects and changes state; the same shape for both servers. */
export interface CandidateSpec {
  /** Cookie header of the candidate's paired phone (its device secret); never printed. */
  cookie: string;
  /** Where the candidate's waiting-room ticket is changed (POST, JSON body). */
  changeUrl: string;
}

/** How one staff socket connects and which session it watches. */
export interface StaffSpec {
  cookie: string;
  sessionId: string;
}

/** What every socket and change request of one server needs. */
export interface TargetSpec {
  url: string;
  socketPath: string;
  /** Sent with every change request (the examiner's login and CSRF pair for Invigil). */
  changeHeaders: Record<string, string>;
  heartbeatMs: number;
  /** Mean time between two state changes of one candidate. */
  changeEveryMs: number;
}

/** A server under test, as bench/realtime.ts drives it (Invigil or the bare baseline). */
export interface BenchTarget {
  name: string;
  url: string;
  changeHeaders: Record<string, string>;
  staff: StaffSpec[];
  /** Makes sure `count` candidates exist; answers all of them, oldest first. */
  candidates(count: number): Promise<CandidateSpec[]>;
  close(): Promise<void>;
}

export type ToWorker =
  | { type: 'start'; target: TargetSpec }
  | { type: 'add-candidates'; candidates: CandidateSpec[] }
  | { type: 'add-staff'; staff: StaffSpec[] }
  /** Sent before `start`, so every process counts by the same clock times. */
  | { type: 'window'; start: number; end: number }
  | { type: 'report' };

export interface WindowReport {
  /** Sockets open now, and how many dropped during the window. */
  connected: number;
  disconnects: number;
  heartbeatsSent: number;
  heartbeatAcks: number;
  heartbeatRttMs: number[];
  changesIssued: number;
  changesFailed: number;
  changeHttpMs: number[];
  /** Staff side: one latency per (change, staff socket) delivered, from the change's issue time. */
  fanOutMs: number[];
  /** Staff side: distinct changes of the window each staff socket saw, summed over sockets. */
  fanOutDelivered: number;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'added'; connectMs: number; failed: number; firstError: string | null }
  | { type: 'report'; report: WindowReport };

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/** A state change carries its issue time in the readiness note, so staff can time its arrival. */
export const CHANGE_NOTE_PREFIX = 'rt:';

export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export function emptyReport(): WindowReport {
  return {
    connected: 0,
    disconnects: 0,
    heartbeatsSent: 0,
    heartbeatAcks: 0,
    heartbeatRttMs: [],
    changesIssued: 0,
    changesFailed: 0,
    changeHttpMs: [],
    fanOutMs: [],
    fanOutDelivered: 0,
  };
}

/** Several workers' reports as one. */
export function mergeReports(reports: readonly WindowReport[]): WindowReport {
  const merged = emptyReport();
  for (const report of reports) {
    merged.connected += report.connected;
    merged.disconnects += report.disconnects;
    merged.heartbeatsSent += report.heartbeatsSent;
    merged.heartbeatAcks += report.heartbeatAcks;
    merged.heartbeatRttMs.push(...report.heartbeatRttMs);
    merged.changesIssued += report.changesIssued;
    merged.changesFailed += report.changesFailed;
    merged.changeHttpMs.push(...report.changeHttpMs);
    merged.fanOutMs.push(...report.fanOutMs);
    merged.fanOutDelivered += report.fanOutDelivered;
  }
  return merged;
}
