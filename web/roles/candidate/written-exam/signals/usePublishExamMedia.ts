import { useEffect } from 'react';
import type { MediaSession } from '../../../../media/media-session.js';
import { createP2PMediaSession } from '../../../../media/p2p-session.js';
import { usePublishCamera } from '../../check-in/usePublishCamera.js';

/**
 * What the session's proctors can watch during the attempt (issue 15 §2, 监考画面): the PC
 * camera, and the shared screen while the exam asks for it and it is shared. The phone
 * publishes its own camera (the paired phone's page). Staff subscribe to a low layer for the grid
 * and the full one when they open a candidate.
 */
export function usePublishExamMedia(
  registrationId: string,
  isOpen: boolean,
  screen: MediaStream | null,
): void {
  usePublishCamera(registrationId, isOpen);

  const [screenTrack] = screen?.getVideoTracks() ?? [];
  useEffect(() => {
    if (!isOpen || !screenTrack) return;
    const session: MediaSession = createP2PMediaSession();
    session.publish([screenTrack], { registrationId, source: 'screen' });
    // Closing the session withdraws the publication; the track stays the share's.
    return () => session.close();
  }, [registrationId, isOpen, screenTrack]);
}
