import { describe, expect, it, vi } from 'vitest';
import type { IceServers } from '../../shared/api/media.js';
import { cachedIceServers, ICE_REFRESH_MARGIN_MS, ICE_RETRY_AFTER_MS } from './ice-servers.js';

const turn = (username: string): IceServers => ({
  iceServers: [{ urls: ['turn:t.example:3478'], username, credential: 'c' }],
  ttlSeconds: 3600,
});

describe('cachedIceServers', () => {
  it('fetches once for concurrent callers and reuses the list until near the expiry', async () => {
    let clock = 0;
    const fetchIceServers = vi
      .fn<() => Promise<IceServers>>()
      .mockResolvedValueOnce(turn('first'))
      .mockResolvedValueOnce(turn('second'));
    const servers = cachedIceServers(fetchIceServers, () => clock);

    const [a, b] = await Promise.all([servers(), servers()]);
    expect(a).toEqual(turn('first').iceServers);
    expect(b).toBe(a);
    clock = 3600_000 - ICE_REFRESH_MARGIN_MS - 1;
    expect(await servers()).toBe(a);
    expect(fetchIceServers).toHaveBeenCalledTimes(1);

    clock += 1;
    expect((await servers())[0]?.username).toBe('second');
    expect(fetchIceServers).toHaveBeenCalledTimes(2);
  });

  it('keeps a STUN-only list (no expiry) for good', async () => {
    let clock = 0;
    const fetchIceServers = vi.fn(() =>
      Promise.resolve<IceServers>({ iceServers: [{ urls: ['stun:s:3478'] }], ttlSeconds: null }),
    );
    const servers = cachedIceServers(fetchIceServers, () => clock);
    await servers();
    clock = 24 * 3600_000;
    await servers();
    expect(fetchIceServers).toHaveBeenCalledTimes(1);
  });

  it('answers no servers after a failure, and asks again later', async () => {
    let clock = 0;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fetchIceServers = vi
      .fn<() => Promise<IceServers>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(turn('after'));
    const servers = cachedIceServers(fetchIceServers, () => clock);
    expect(await servers()).toEqual([]);
    expect(await servers()).toEqual([]);
    clock = ICE_RETRY_AFTER_MS;
    expect((await servers())[0]?.username).toBe('after');
    expect(fetchIceServers).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
