import { useCallback, useEffect, useRef, useState } from 'react';
import type { LocalPublication, MediaSession } from '../media/media-session.js';

export type ScreenShareError = 'permission_denied' | 'unsupported' | 'other';

export interface ScreenShare {
  isSharing: boolean;
  error: ScreenShareError | null;
  start: () => void;
  stop: () => void;
}

/**
 * 共享屏幕 (docs/journeys.md J2, started by the candidate on request): picks a screen with the browser's
 * own dialog and publishes it as the registration's `screen` while `enabled` (in the room).
 * Ends when the candidate stops, when the browser's "stop sharing" bar is used (the track
 * ends), when disabled, or on unmount.
 */
export function useScreenShare(
  session: MediaSession,
  registrationId: string,
  enabled: boolean,
): ScreenShare {
  const [isSharing, setIsSharing] = useState(false);
  const [error, setError] = useState<ScreenShareError | null>(null);
  const current = useRef<{ stream: MediaStream; publication: LocalPublication } | null>(null);

  const stop = useCallback(() => {
    const sharing = current.current;
    current.current = null;
    if (!sharing) return;
    sharing.publication.unpublish();
    for (const track of sharing.stream.getTracks()) track.stop();
    setIsSharing(false);
  }, []);

  const start = useCallback(() => {
    if (!enabled || current.current) return;
    setError(null);
    const mediaDevices = navigator.mediaDevices as MediaDevices | undefined;
    if (!mediaDevices?.getDisplayMedia) {
      setError('unsupported');
      return;
    }
    mediaDevices
      .getDisplayMedia({ video: { frameRate: { ideal: 5, max: 15 } }, audio: false })
      .then(
        (stream) => {
          const [track] = stream.getVideoTracks();
          if (!track) return;
          // Text must stay readable: a poor link costs frames, not resolution.
          track.contentHint = 'detail';
          const publication = session.publish([track], { registrationId, source: 'screen' });
          current.current = { stream, publication };
          track.addEventListener('ended', stop);
          setIsSharing(true);
        },
        (failure: unknown) => {
          const name = failure instanceof DOMException ? failure.name : '';
          setError(name === 'NotAllowedError' ? 'permission_denied' : 'other');
        },
      );
  }, [session, registrationId, enabled, stop]);

  // Leaving the room (disabled), another registration or unmounting ends the share.
  useEffect(() => stop, [enabled, session, registrationId, stop]);

  return { isSharing, error, start, stop };
}
