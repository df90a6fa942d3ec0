import type { Clock } from '../clock.js';

/**
 * What one node has learnt about its dependencies while serving requests: whether file storage
 * refused a write for lack of space, and which store keeps the rate limits. `/api/ready` and
 * `/metrics` read it; the storage and the rate-limit store write it.
 */

/** Where the rate-limit counters live right now. */
export type RateLimitStoreState = 'in-process' | 'redis' | 'in-process-fallback';

/** Below this much free space the storage is reported `low` (the largest upload is 200 MB). */
export const LOW_SPACE_BYTES = 1024 * 1024 * 1024;

/** A refused write stops counting this long after it when the disk shows room again. */
const REFUSAL_MEMORY_MS = 60_000;

export class ServiceHealth {
  private storageRefusedAt: Date | null = null;
  private readonly storageFailures = { no_space: 0, other: 0 };
  private rateLimits: RateLimitStoreState = 'in-process';
  private fallbackCount = 0;
  private readonly responses = new Map<string, number>();
  readonly startedAt: Date;

  constructor(private readonly clock: Clock) {
    this.startedAt = clock.now();
  }

  /** A file was stored: whatever was full is not any more. */
  storageWritten(): void {
    this.storageRefusedAt = null;
  }

  /** Storage refused a write (`no_space`: ENOSPC or a quota). */
  storageWriteFailed(reason: 'no_space' | 'other'): void {
    this.storageFailures[reason] += 1;
    if (reason === 'no_space') this.storageRefusedAt = this.clock.now();
  }

  /**
   * `full` after a write was refused for space, until a write succeeds or, a minute later, the
   * disk shows room again (someone freed space; a quota may still refuse, and a write says so);
   * `low` under LOW_SPACE_BYTES free; `ok` otherwise.
   */
  storageState(freeBytes: number | null): 'ok' | 'low' | 'full' {
    const refusedAt = this.storageRefusedAt;
    const hasRoom = freeBytes !== null && freeBytes >= LOW_SPACE_BYTES;
    if (
      refusedAt &&
      hasRoom &&
      this.clock.now().getTime() - refusedAt.getTime() > REFUSAL_MEMORY_MS
    ) {
      this.storageRefusedAt = null;
    }
    if (this.storageRefusedAt) return 'full';
    return freeBytes !== null && freeBytes < LOW_SPACE_BYTES ? 'low' : 'ok';
  }

  storageFailureCounts(): Readonly<Record<'no_space' | 'other', number>> {
    return this.storageFailures;
  }

  setRateLimitStore(state: RateLimitStoreState): void {
    this.rateLimits = state;
  }

  rateLimitStore(): RateLimitStoreState {
    return this.rateLimits;
  }

  /** A request was limited in-process because Redis could not answer. */
  rateLimitFellBack(): void {
    this.fallbackCount += 1;
  }

  rateLimitFallbacks(): number {
    return this.fallbackCount;
  }

  /** One answered request, counted by status class (2xx, 4xx, …). */
  countResponse(statusCode: number): void {
    const statusClass = `${String(Math.floor(statusCode / 100))}xx`;
    this.responses.set(statusClass, (this.responses.get(statusClass) ?? 0) + 1);
  }

  responseCounts(): ReadonlyMap<string, number> {
    return this.responses;
  }
}
