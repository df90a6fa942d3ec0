import { getIceServers, getMediaBudget } from '../../shared/api/media.js';
import { callApi } from '../api/client.js';
import { getSocket } from '../api/socket.js';
import { cachedIceServers } from './ice-servers.js';
import { MediaSession, type NetworkChangeSource } from './media-session.js';
import { createRtcPeerLink } from './p2p-link.js';
import { socketMediaSignaling } from './p2p-signaling.js';
import { P2PTransport, type P2PTransportOptions } from './p2p-transport.js';
import { cachedMediaBudget } from './sender-caps.js';

/** The server's media budget, fetched once for the page's every session. */
const pageMediaBudget = cachedMediaBudget(() => callApi(getMediaBudget));

/** The browser's network came back (Wi-Fi rejoined, airplane mode off): ICE must restart. */
const windowOnlineEvents: NetworkChangeSource = (onChange) => {
  window.addEventListener('online', onChange);
  return () => {
    window.removeEventListener('online', onChange);
  };
};

/**
 * A MediaSession on the page's socket with the peer-to-peer transport (the embedded default).
 * STUN/TURN come from the server (GET /api/media/ice-servers, for a login or the paired phone),
 * fetched once per session and again only when the TURN credentials near their expiry.
 */
export function createP2PMediaSession(
  options: Pick<P2PTransportOptions, 'iceServers'> = {},
): MediaSession {
  return new MediaSession(
    new P2PTransport({
      signaling: socketMediaSignaling(getSocket()),
      createLink: createRtcPeerLink,
      iceServers: cachedIceServers(() => callApi(getIceServers)),
      mediaBudget: pageMediaBudget,
      ...options,
    }),
    { networkChanges: windowOnlineEvents },
  );
}

let shared: MediaSession | null = null;

/**
 * The page's one media session on its socket, for parts of a page that come and go (a call's
 * tiles, a drawer's cameras): each unsubscribes and unpublishes what it started when it
 * unmounts; the session itself lives as long as the page, so there is nothing to recreate and
 * one transport handles every signal of the socket.
 */
export function sharedP2PMediaSession(): MediaSession {
  shared ??= createP2PMediaSession();
  return shared;
}
