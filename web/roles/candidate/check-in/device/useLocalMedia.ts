import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaError } from '../../../../../shared/api/check-in.js';
import { openUserMedia, UserMediaError } from '../../../../media/device-errors.js';

/** What one device (camera or microphone) gave: its track's facts, or why it could not open. */
export interface DeviceFacts {
  error: MediaError | null;
  label: string | null;
}

export interface CameraFacts extends DeviceFacts {
  width: number | null;
  height: number | null;
  frameRate: number | null;
}

export type LocalMedia =
  | { status: 'idle' | 'opening' }
  | {
      status: 'done';
      /** The tracks that opened (none when both devices failed). */
      stream: MediaStream;
      camera: CameraFacts;
      microphone: DeviceFacts;
    };

const VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 } };

function reasonOf(error: unknown): MediaError {
  return error instanceof UserMediaError ? error.reason : 'unknown';
}

async function openOne(kind: 'video' | 'audio'): Promise<MediaStream | MediaError> {
  try {
    return await openUserMedia(kind === 'video' ? { video: VIDEO } : { audio: true });
  } catch (error) {
    return reasonOf(error);
  }
}

/**
 * Opens camera and microphone together (one permission prompt); when that fails, opens each
 * alone so the report says which one is at fault.
 */
async function openCameraAndMicrophone(): Promise<Extract<LocalMedia, { status: 'done' }>> {
  let video: MediaStream | MediaError;
  let audio: MediaStream | MediaError;
  try {
    const both = await openUserMedia({ video: VIDEO, audio: true });
    video = both;
    audio = both;
  } catch {
    video = await openOne('video');
    audio = await openOne('audio');
  }
  const stream = new MediaStream();
  const videoTrack = typeof video === 'string' ? undefined : video.getVideoTracks()[0];
  const audioTrack = typeof audio === 'string' ? undefined : audio.getAudioTracks()[0];
  if (videoTrack) stream.addTrack(videoTrack);
  if (audioTrack) stream.addTrack(audioTrack);
  const settings = videoTrack?.getSettings();
  return {
    status: 'done',
    stream,
    camera: {
      error: typeof video === 'string' ? video : videoTrack ? null : 'not_found',
      label: videoTrack?.label ?? null,
      width: settings?.width ?? null,
      height: settings?.height ?? null,
      frameRate: settings?.frameRate ?? null,
    },
    microphone: {
      error: typeof audio === 'string' ? audio : audioTrack ? null : 'not_found',
      label: audioTrack?.label ?? null,
    },
  };
}

function stopAll(media: LocalMedia | null): void {
  if (media?.status === 'done') for (const track of media.stream.getTracks()) track.stop();
}

/**
 * The camera and microphone of the device check. `open()` (re)opens them; every track is
 * stopped on re-open and when the component using the hook unmounts.
 */
export function useLocalMedia(): { media: LocalMedia; open: () => void } {
  const [media, setMedia] = useState<LocalMedia>({ status: 'idle' });
  const current = useRef<LocalMedia | null>(null);
  const generation = useRef(0);

  const open = useCallback(() => {
    stopAll(current.current);
    current.current = null;
    const mine = ++generation.current;
    setMedia({ status: 'opening' });
    void openCameraAndMicrophone().then((opened) => {
      // Unmounted or re-opened meanwhile: these tracks belong to no one.
      if (mine !== generation.current) {
        stopAll(opened);
        return;
      }
      current.current = opened;
      setMedia(opened);
    });
  }, []);

  useEffect(
    () => () => {
      generation.current++;
      stopAll(current.current);
      current.current = null;
    },
    [],
  );

  return { media, open };
}
