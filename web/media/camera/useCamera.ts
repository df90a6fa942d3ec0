import { useEffect, useState } from 'react';
import type { MediaError } from '../../../shared/api/check-in.js';
import { openUserMedia, UserMediaError } from '../device-errors.js';

export type CameraState =
  | { status: 'opening' }
  | { status: 'open'; stream: MediaStream }
  | { status: 'error'; reason: MediaError };

const OPENING: CameraState = { status: 'opening' };

/**
 * A camera (the phone's, or the PC's for a snapshot at 交卷), opened while mounted (`facingMode`
 * is a preference: a phone without that camera gets its other one) and stopped on unmount or when
 * the choice changes. A new `attempt` re-opens it after an error.
 */
export function useCamera(facingMode: 'user' | 'environment', attempt = 0): CameraState {
  const key = `${facingMode}/${attempt}`;
  // Remembered with the request it answers, so a new request shows `opening` at once.
  const [result, setResult] = useState<{ key: string; state: CameraState } | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let isDone = false;
    openUserMedia({
      audio: false,
      video: { facingMode: { ideal: facingMode }, width: { ideal: 1280 }, height: { ideal: 720 } },
    }).then(
      (opened) => {
        if (isDone) {
          stopStream(opened);
          return;
        }
        stream = opened;
        setResult({ key, state: { status: 'open', stream: opened } });
      },
      (error: unknown) => {
        if (isDone) return;
        const reason = error instanceof UserMediaError ? error.reason : 'unknown';
        setResult({ key, state: { status: 'error', reason } });
      },
    );
    return () => {
      isDone = true;
      if (stream) stopStream(stream);
    };
  }, [facingMode, key]);

  return result?.key === key ? result.state : OPENING;
}

export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
