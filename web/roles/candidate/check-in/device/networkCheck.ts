import {
  measureUplink,
  pingServer,
  type DeviceReport,
} from '../../../../../shared/api/check-in.js';
import { ApiError, callApi } from '../../../../api/client.js';
import { uploadApi } from '../../../../api/upload.js';

/** Round trips timed for the latency; the median ignores one slow outlier. */
export const PING_COUNT = 5;
/** About 1 MB: long enough to time, short enough for a slow line (~8 s at 1 Mbit/s). */
export const UPLINK_TEST_BYTES = 1024 * 1024;
/** Below these the line is shown as a warning: two video streams need roughly 1 Mbit/s up. */
export const NETWORK_LIMITS = { maxLatencyMs: 300, minUplinkKbps: 1000 } as const;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** kbit/s from the bytes the server received and how long it took to read them. */
export function uplinkKbps(bytes: number, receiveMs: number): number {
  // bits per millisecond is kbit/s; a loopback body can arrive "in 0 ms".
  return Math.min(100_000_000, Math.round((bytes * 8) / Math.max(receiveMs, 1)));
}

/** Whether the measured line is good enough for the exam. */
export function judgeNetwork(
  latencyMs: number | null,
  kbps: number | null,
): DeviceReport['network'] {
  return {
    ok:
      latencyMs !== null &&
      kbps !== null &&
      latencyMs <= NETWORK_LIMITS.maxLatencyMs &&
      kbps >= NETWORK_LIMITS.minUplinkKbps,
    latencyMs: latencyMs === null ? null : Math.round(latencyMs),
    uplinkKbps: kbps,
  };
}

async function measureLatencyMs(): Promise<number | null> {
  const times: number[] = [];
  for (let index = 0; index < PING_COUNT; index++) {
    const started = performance.now();
    await callApi(pingServer);
    times.push(performance.now() - started);
  }
  return median(times);
}

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 65,536 bytes per call; random data defeats any compression.
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  }
  return bytes;
}

async function measureUplinkKbps(): Promise<number> {
  const { bytes, receiveMs } = await uploadApi(
    measureUplink,
    {},
    new Blob([randomBytes(UPLINK_TEST_BYTES)]),
  );
  return uplinkKbps(bytes, receiveMs);
}

/** Latency (median of PING_COUNT pings) and uplink (one ~1 MB upload) against our own server. */
export async function measureNetwork(): Promise<DeviceReport['network']> {
  let latencyMs: number | null = null;
  let kbps: number | null = null;
  try {
    latencyMs = await measureLatencyMs();
    kbps = await measureUplinkKbps();
  } catch (error) {
    // A failed measurement is a finding for the report, not a crash of the step.
    if (!(error instanceof ApiError) && !(error instanceof TypeError)) throw error;
  }
  return judgeNetwork(latencyMs, kbps);
}
