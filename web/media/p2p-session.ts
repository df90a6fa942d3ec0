import { getSocket } from '../api/socket.js';
import { MediaSession } from './media-session.js';
import { createRtcPeerLink } from './p2p-link.js';
import { socketMediaSignaling } from './p2p-signaling.js';
import { P2PTransport, type P2PTransportOptions } from './p2p-transport.js';

/** A MediaSession on the page's socket with the peer-to-peer transport (the embedded default). */
export function createP2PMediaSession(
  options: Pick<P2PTransportOptions, 'iceServers'> = {},
): MediaSession {
  return new MediaSession(
    new P2PTransport({
      signaling: socketMediaSignaling(getSocket()),
      createLink: createRtcPeerLink,
      ...options,
    }),
  );
}
