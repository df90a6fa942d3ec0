import type { IceServers } from '../../shared/api/media.js';

/**
 * Refresh TURN credentials this long before they expire, so a peer created just before the
 * expiry still allocates its relay with valid ones (a TURN allocation outlives its credential).
 */
export const ICE_REFRESH_MARGIN_MS = 5 * 60_000;
/** After a failed fetch, peers go without STUN/TURN (loopback and LANs still work) this long. */
export const ICE_RETRY_AFTER_MS = 30_000;

/**
 * The STUN/TURN servers a media session gives each new peer connection: fetched once, reused
 * until the TURN credentials near their expiry (server-issued, TURN_TTL_SECONDS), fetched again
 * then. Concurrent callers share one request; a failure yields no servers instead of no call.
 */
export function cachedIceServers(
  fetchIceServers: () => Promise<IceServers>,
  now: () => number = Date.now,
): () => Promise<RTCIceServer[]> {
  let cached: { servers: RTCIceServer[]; freshUntil: number } | null = null;
  let pending: Promise<RTCIceServer[]> | null = null;

  const refresh = async (): Promise<RTCIceServer[]> => {
    const fetchedAt = now();
    try {
      const { iceServers, ttlSeconds } = await fetchIceServers();
      const lifetimeMs =
        ttlSeconds === null
          ? Number.POSITIVE_INFINITY
          : Math.max(ttlSeconds * 1000 - ICE_REFRESH_MARGIN_MS, (ttlSeconds * 1000) / 2);
      cached = { servers: iceServers, freshUntil: fetchedAt + lifetimeMs };
      return iceServers;
    } catch (error) {
      console.warn('media: the ICE servers could not be fetched', error);
      cached = { servers: [], freshUntil: fetchedAt + ICE_RETRY_AFTER_MS };
      return [];
    } finally {
      pending = null;
    }
  };

  return () => {
    if (cached && now() < cached.freshUntil) return Promise.resolve(cached.servers);
    pending ??= refresh();
    return pending;
  };
}
