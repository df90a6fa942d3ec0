import { useEffect, useState } from 'react';
import type {
  AttemptEventDetail,
  AttemptEventType,
} from '../../../../../shared/api/attempt-events.js';
import { attemptLockName } from '../useAttemptLock.js';

type Record = (type: AttemptEventType, detail?: AttemptEventDetail) => void;

/** How often the page asks the browser whether another tab waits for this attempt's lock. */
export const OTHER_TAB_POLL_MS = 3_000;

/**
 * `screen.isExtended` and the screen's `change` event (Window Management API, Chromium 100+):
 * not in TypeScript's DOM yet.
 */
type ExtendedScreen = Screen & Partial<EventTarget> & { readonly isExtended?: boolean };

export interface DeviceSignals {
  /** More than one screen is connected now (where the browser can tell). */
  hasSecondScreen: boolean;
  /** Another tab or window of this browser has opened the same attempt and waits. */
  hasOtherTab: boolean;
}

/**
 * What the page can tell about the computer during the attempt (issue 15 §1), each logged on
 * each change: the network going away and back, a second screen (`screen.isExtended`), another
 * tab of the same attempt (it waits for the attempt's Web Lock, useAttemptLock), and leaving
 * fullscreen after entering it.
 */
export function useDeviceSignals(
  attemptId: string,
  isOpen: boolean,
  record: Record,
): DeviceSignals {
  const [hasSecondScreen, setHasSecondScreen] = useState(false);
  const [hasOtherTab, setHasOtherTab] = useState(false);

  useEffect(() => {
    if (!isOpen) return;
    const handleOffline = () => record('network_offline');
    const handleOnline = () => record('network_online');
    const handleFullscreen = () =>
      record(document.fullscreenElement ? 'fullscreen_entered' : 'fullscreen_exited');
    window.addEventListener('offline', handleOffline);
    window.addEventListener('online', handleOnline);
    document.addEventListener('fullscreenchange', handleFullscreen);
    return () => {
      window.removeEventListener('offline', handleOffline);
      window.removeEventListener('online', handleOnline);
      document.removeEventListener('fullscreenchange', handleFullscreen);
    };
  }, [isOpen, record]);

  useEffect(() => {
    if (!isOpen) return;
    const display = window.screen as ExtendedScreen;
    if (typeof display.isExtended !== 'boolean') return;
    let extended = false;
    const check = () => {
      const now = display.isExtended === true;
      if (now === extended) return;
      extended = now;
      setHasSecondScreen(now);
      record(now ? 'screen_extended' : 'screen_single');
    };
    check();
    display.addEventListener?.('change', check);
    return () => display.removeEventListener?.('change', check);
  }, [isOpen, record]);

  useEffect(() => {
    if (!isOpen || typeof navigator === 'undefined' || !('locks' in navigator)) return;
    const name = attemptLockName(attemptId);
    let other = false;
    let stopped = false;
    const check = async () => {
      const state = await navigator.locks.query().catch(() => null);
      if (stopped || state === null) return;
      const now = (state.pending ?? []).some((request) => request.name === name);
      if (now === other) return;
      other = now;
      setHasOtherTab(now);
      if (now) record('second_tab');
    };
    void check();
    const timer = window.setInterval(() => void check(), OTHER_TAB_POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [attemptId, isOpen, record]);

  return { hasSecondScreen: isOpen && hasSecondScreen, hasOtherTab: isOpen && hasOtherTab };
}
