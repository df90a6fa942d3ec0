import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Where the exam's screen share stands: `idle` (not shared yet on this page), `picking` (the
 * browser's picker is open), `sharing` (the whole screen), `lost` (it was shared, then ended:
 * the browser's stop-sharing bar, or the screen went away).
 */
export type ExamShareState = 'idle' | 'picking' | 'sharing' | 'lost';

/**
 * Why the last try did not share: a window or tab was picked (`not_monitor`), the candidate
 * cancelled or the browser refused (`permission_denied`), the browser cannot share a screen at
 * all (`unsupported`: phones, old browsers), or something else.
 */
export type ExamShareProblem = 'not_monitor' | 'permission_denied' | 'unsupported' | 'other';

export interface ExamScreenShare {
  state: ExamShareState;
  /** Whether the whole screen was shared at least once on this page. */
  hasShared: boolean;
  problem: ExamShareProblem | null;
  isSupported: boolean;
  /** The whole screen while shared: what the proctor's live view publishes (issue 15). */
  stream: MediaStream | null;
  /** What the browser says was shared (`monitor`), `unknown` when it does not say. */
  surface: string | null;
  /** Opens the browser's picker, asking for the whole screen. */
  start: () => void;
}

/** Chrome's picker options (not yet in TypeScript's DOM types): whole screens first, no tab. */
interface ExamDisplayMediaOptions extends DisplayMediaStreamOptions {
  monitorTypeSurfaces?: 'include' | 'exclude';
  selfBrowserSurface?: 'include' | 'exclude';
  surfaceSwitching?: 'include' | 'exclude';
}

const DISPLAY_OPTIONS: ExamDisplayMediaOptions = {
  // A few frames a second are enough to follow the screen and cost little.
  video: { displaySurface: 'monitor', frameRate: { ideal: 5, max: 5 } },
  audio: false,
  monitorTypeSurfaces: 'include',
  selfBrowserSurface: 'exclude',
  surfaceSwitching: 'exclude',
};

function mediaDevices(): MediaDevices | undefined {
  return (navigator as { mediaDevices?: MediaDevices }).mediaDevices;
}

export function canShareScreen(): boolean {
  return typeof mediaDevices()?.getDisplayMedia === 'function';
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * The written exam's screen share (issue 14 §3): only the whole screen (`displaySurface`
 * `monitor`) is kept; a window or tab is stopped at once and refused. The stream stays here, to
 * be published by the proctoring of issue 15. `enabled` false (交卷成功) and unmounting stop its
 * tracks; the page logs what it sees of `state`.
 */
export function useExamScreenShare(enabled: boolean): ExamScreenShare {
  const [state, setState] = useState<ExamShareState>('idle');
  const [problem, setProblem] = useState<ExamShareProblem | null>(null);
  const [shared, setShared] = useState<{ stream: MediaStream; surface: string } | null>(null);
  const [hasShared, setHasShared] = useState(false);
  const current = useRef<MediaStream | null>(null);
  const isLive = useRef(false);

  const release = useCallback(() => {
    const sharing = current.current;
    current.current = null;
    if (sharing) stopTracks(sharing);
  }, []);

  useEffect(() => {
    isLive.current = enabled;
    if (!enabled) release();
  }, [enabled, release]);
  useEffect(
    () => () => {
      isLive.current = false;
      release();
    },
    [release],
  );

  const start = useCallback(() => {
    if (!isLive.current || current.current) return;
    const devices = mediaDevices();
    if (!devices || typeof devices.getDisplayMedia !== 'function') {
      setProblem('unsupported');
      return;
    }
    const before = hasShared ? 'lost' : 'idle';
    setProblem(null);
    setState('picking');
    devices.getDisplayMedia(DISPLAY_OPTIONS).then(
      (picked) => {
        // Picked after 交卷 or after leaving the page: nothing needs it any more.
        if (!isLive.current) {
          stopTracks(picked);
          return;
        }
        const [track] = picked.getVideoTracks();
        const surface = track?.getSettings().displaySurface;
        // A browser that does not say what was picked is taken at its word (Chrome says).
        if (!track || (surface !== undefined && surface !== 'monitor')) {
          stopTracks(picked);
          setProblem('not_monitor');
          setState(before);
          return;
        }
        // Text must stay readable: a poor link costs frames, not resolution.
        track.contentHint = 'detail';
        track.addEventListener('ended', () => {
          if (current.current !== picked) return;
          release();
          setShared(null);
          setState('lost');
        });
        current.current = picked;
        setShared({ stream: picked, surface: surface ?? 'unknown' });
        setHasShared(true);
        setState('sharing');
      },
      (failure: unknown) => {
        const name = failure instanceof DOMException ? failure.name : '';
        setProblem(name === 'NotAllowedError' ? 'permission_denied' : 'other');
        setState(before);
      },
    );
  }, [hasShared, release]);

  return {
    state: enabled ? state : 'idle',
    hasShared,
    problem,
    isSupported: canShareScreen(),
    stream: enabled ? (shared?.stream ?? null) : null,
    surface: enabled ? (shared?.surface ?? null) : null,
    start,
  };
}
