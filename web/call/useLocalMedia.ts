import { useCallback, useEffect, useState } from 'react';
import type { MediaError } from '../../shared/api/check-in.js';
import { DEFAULT_MEDIA_BUDGET, type MediaQuality } from '../../shared/api/media.js';
import { UserMediaError, openUserMedia } from '../media/device-errors.js';

const CALL_AUDIO: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

/**
 * A call's camera and microphone: the picture the media budget sends (640×360 at 15 fps at
 * proctoring quality: enough to recognise a face and an ID card held up to the camera, light on
 * the uplink; 1280×720 at 25 fps where the exam asks for interview quality), so the browser does
 * not capture what the sender would scale away; the browser's echo cancellation on, since nobody
 * wears headsets.
 */
export function callMediaConstraints(quality: MediaQuality): MediaStreamConstraints {
  const { maxHeight, maxFps } = DEFAULT_MEDIA_BUDGET[quality].camera.full;
  return {
    video: {
      width: { ideal: Math.round((maxHeight * 16) / 9) },
      height: { ideal: maxHeight },
      frameRate: { ideal: maxFps, max: 30 },
    },
    audio: CALL_AUDIO,
  };
}

export interface LocalMedia {
  /** The open camera and microphone (or the microphone alone), null while opening or after a failure. */
  stream: MediaStream | null;
  /** Why neither could be opened (the device check's explanations apply). */
  error: MediaError | null;
  /**
   * Why the camera could not be opened when the microphone could: the call goes on with sound
   * only (a PC without a camera whose phone is the primary camera, or a camera in use elsewhere).
   */
  cameraError: MediaError | null;
  retry: () => void;
}

/** Failures after which asking for the microphone alone cannot help either. */
const NO_MEDIA_AT_ALL: ReadonlySet<MediaError> = new Set(['insecure_context', 'unsupported']);

/**
 * Camera and microphone in one request (one permission prompt); when that fails, the microphone
 * alone, so a missing or busy camera does not cost the call its sound.
 */
async function openCallMedia(
  quality: MediaQuality,
): Promise<{ stream: MediaStream; cameraError: MediaError | null }> {
  try {
    return { stream: await openUserMedia(callMediaConstraints(quality)), cameraError: null };
  } catch (failure) {
    const reason = failure instanceof UserMediaError ? failure.reason : 'unknown';
    if (NO_MEDIA_AT_ALL.has(reason)) throw failure;
    try {
      return { stream: await openUserMedia({ audio: CALL_AUDIO }), cameraError: reason };
    } catch {
      throw failure;
    }
  }
}

/**
 * Opens camera and microphone while `enabled`, sized for `quality`; stops them when disabled or
 * unmounted.
 */
export function useLocalMedia(enabled: boolean, quality: MediaQuality = 'proctoring'): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<MediaError | null>(null);
  const [cameraError, setCameraError] = useState<MediaError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let opened: MediaStream | null = null;
    openCallMedia(quality).then(
      ({ stream: media, cameraError: missing }) => {
        if (stopped) {
          for (const track of media.getTracks()) track.stop();
          return;
        }
        opened = media;
        setStream(media);
        setCameraError(missing);
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
  }, [enabled, attempt, quality]);

  const retry = useCallback(() => {
    setError(null);
    setCameraError(null);
    setAttempt((n) => n + 1);
  }, []);
  return { stream, error, cameraError, retry };
}
