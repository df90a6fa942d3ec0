import { useCallback, useEffect, useState } from 'react';
import type { MediaError } from '../../shared/api/check-in.js';
import { UserMediaError, openUserMedia } from '../media/device-errors.js';

/**
 * A call's camera and microphone: enough to recognise a face and an ID card held up to the
 * camera, light on the uplink; the browser's echo cancellation on, since nobody wears headsets.
 */
export const CALL_MEDIA: MediaStreamConstraints = {
  video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 15, max: 30 } },
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
};

export interface LocalMedia {
  /** The open camera and microphone, null while opening or after a failure. */
  stream: MediaStream | null;
  /** Why they could not be opened (the device check's explanations apply). */
  error: MediaError | null;
  retry: () => void;
}

/** Opens camera and microphone while `enabled`; stops them when disabled or unmounted. */
export function useLocalMedia(enabled: boolean): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<MediaError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let opened: MediaStream | null = null;
    openUserMedia(CALL_MEDIA).then(
      (media) => {
        if (stopped) {
          for (const track of media.getTracks()) track.stop();
          return;
        }
        opened = media;
        setStream(media);
      },
      (failure: unknown) => {
        if (stopped) return;
        setError(failure instanceof UserMediaError ? failure.reason : 'unknown');
      },
    );
    return () => {
      stopped = true;
      for (const track of opened?.getTracks() ?? []) track.stop();
      setStream(null);
    };
  }, [enabled, attempt]);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  return { stream, error, retry };
}
