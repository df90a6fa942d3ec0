import { useEffect, useState } from 'react';

/** Whether the screen is kept on: `on`, `unavailable` (say 永不锁屏 instead), or asking. */
export type WakeLockState = 'pending' | 'on' | 'unavailable';

/**
 * Keeps the phone's screen on while `active` (Screen Wake Lock API). The browser releases the
 * lock whenever the page is hidden, so it is asked for again each time the page is visible.
 */
export function useWakeLock(active: boolean): WakeLockState {
  const [state, setState] = useState<WakeLockState>('pending');

  useEffect(() => {
    if (!active || !isSupported()) return;
    let sentinel: WakeLockSentinel | null = null;
    let isDone = false;
    const acquire = async () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        const acquired = await navigator.wakeLock.request('screen');
        if (isDone) {
          await acquired.release();
          return;
        }
        sentinel = acquired;
        setState('on');
      } catch {
        // Refused (battery saver, a policy, an insecure page): fall back to the instruction.
        setState('unavailable');
      }
    };
    const handleVisibility = () => {
      void acquire();
    };
    void acquire();
    document.addEventListener('visibilitychange', handleVisibility);
    return () => {
      isDone = true;
      document.removeEventListener('visibilitychange', handleVisibility);
      void sentinel?.release().catch(() => undefined);
    };
  }, [active]);

  if (!active) return 'pending';
  return isSupported() ? state : 'unavailable';
}

function isSupported(): boolean {
  return 'wakeLock' in navigator;
}
