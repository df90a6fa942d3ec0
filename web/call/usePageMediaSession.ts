import type { MediaSession } from '../media/media-session.js';
import { sharedP2PMediaSession } from '../media/p2p-session.js';

/**
 * The page's media session (shared by every call tile of the page; see sharedP2PMediaSession).
 * Components release what they publish or subscribe to on unmount.
 */
export function usePageMediaSession(): MediaSession {
  return sharedP2PMediaSession();
}
