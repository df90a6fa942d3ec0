import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LinkHealth,
  STALL_CHECKS,
  STALL_CHECK_MS,
  StallWatch,
  type MediaLinkState,
} from './link-health.js';

function health() {
  const changes: MediaLinkState[] = [];
  return { links: new LinkHealth((state) => changes.push(state)), changes };
}

describe('LinkHealth', () => {
  it('is idle without connections and ignores one that breaks before it connected', () => {
    const { links, changes } = health();
    links.down('a');
    expect(links.state).toBe('idle');
    expect(changes).toEqual([]);
  });

  it('is interrupted only while every connection that connected is down', () => {
    const { links, changes } = health();
    links.up('viewer');
    links.up('call');
    links.down('viewer');
    expect(links.state).toBe('connected');
    links.down('call');
    expect(links.state).toBe('interrupted');
    links.up('viewer');
    expect(changes).toEqual(['connected', 'interrupted', 'connected']);
  });

  it('forgets closed connections: the last one gone makes it idle', () => {
    const { links } = health();
    links.up('a');
    links.down('a');
    links.remove('a');
    expect(links.state).toBe('idle');
    links.up('b');
    links.clear();
    expect(links.state).toBe('idle');
  });
});

describe('a stalled connection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A report whose transport received `bytes` (an RTCStatsReport is a Map). */
  const report = (bytes: number) =>
    new Map([
      ['T', { id: 'T', type: 'transport', bytesReceived: bytes }],
    ]) as unknown as RTCStatsReport;

  it('counts as down after STALL_CHECKS reads without a byte, and up when bytes move again', async () => {
    const { links, changes } = health();
    let bytes = 1000;
    const watch = new StallWatch(
      () => [['call', () => Promise.resolve(report(bytes))]],
      (key, isStalled) => {
        links.stalled(key, isStalled);
      },
    );
    links.up('call');
    watch.start();
    await vi.advanceTimersByTimeAsync(STALL_CHECK_MS * 2);
    bytes = 2000; // still arriving
    await vi.advanceTimersByTimeAsync(STALL_CHECK_MS * STALL_CHECKS);
    expect(links.state).toBe('connected');
    await vi.advanceTimersByTimeAsync(STALL_CHECK_MS);
    // Nothing since the read that saw 2000: down before ICE says anything.
    expect(links.state).toBe('interrupted');
    bytes = 2500;
    await vi.advanceTimersByTimeAsync(STALL_CHECK_MS);
    expect(links.state).toBe('connected');
    expect(changes).toEqual(['connected', 'interrupted', 'connected']);
    watch.stop();
  });

  it('needs ICE up and bytes moving: a stall marks nothing that never connected', () => {
    const { links } = health();
    links.stalled('viewer', true);
    expect(links.state).toBe('idle');
    links.up('viewer');
    links.stalled('viewer', true);
    expect(links.state).toBe('interrupted');
    links.stalled('viewer', false);
    links.down('viewer');
    expect(links.state).toBe('interrupted');
  });
});
