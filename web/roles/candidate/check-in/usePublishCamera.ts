import { useEffect, useState } from 'react';
import { openUserMedia } from '../../../media/device-errors.js';
import type { MediaSession } from '../../../media/media-session.js';
import { createP2PMediaSession } from '../../../media/p2p-session.js';

/**
 * Enough for staff to recognise a face and watch the room, light on the uplink. The face step
 * asks for the same size, so both share the camera without either losing quality.
 */
const CAMERA: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 480 },
  frameRate: { ideal: 15, max: 30 },
};

/** Whether the PC camera is offered to the exam staff right now. */
export type CameraPublishState = 'off' | 'publishing' | 'failed';

/**
 * While `enabled`, opens the PC camera (video only) and publishes it as `camera` so the staff of
 * the session can watch it (实时画面). Camera failures are not shown here: the device step
 * explains them.
 */
export function usePublishCamera(registrationId: string, enabled: boolean): CameraPublishState {
  const [state, setState] = useState<CameraPublishState>('off');

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let session: MediaSession | null = null;

    void openUserMedia({ video: CAMERA, audio: false }).then(
      (opened) => {
        const [track] = opened.getVideoTracks();
        if (stopped || !track) {
          for (const t of opened.getTracks()) t.stop();
          if (!stopped) setState('failed');
          return;
        }
        stream = opened;
        session = createP2PMediaSession();
        session.publish(track, { registrationId, source: 'camera' });
        setState('publishing');
      },
      (error: unknown) => {
        console.warn('media: the camera could not be opened for the staff', error);
        if (!stopped) setState('failed');
      },
    );

    return () => {
      stopped = true;
      // Closing the session withdraws the publication from the server.
      session?.close();
      for (const track of stream?.getTracks() ?? []) track.stop();
      setState('off');
    };
  }, [registrationId, enabled]);

  return state;
}
