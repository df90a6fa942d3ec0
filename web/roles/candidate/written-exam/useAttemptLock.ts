import { useEffect, useState } from 'react';

/** How long the page waits for the attempt's lock before saying another tab holds it. */
export const LOCK_WAIT_MS = 1_000;

/** The Web Lock one tab of this browser holds while it answers the attempt. */
export const attemptLockName = (attemptId: string) => `invigil-attempt-${attemptId}`;

/** `held`: this tab answers; `elsewhere`: another tab of this browser does (it waits its turn). */
export type AttemptLock = 'waiting' | 'held' | 'elsewhere';

/**
 * One tab per attempt in this browser (Web Locks): two tabs would give the same question the
 * same seq, and the server would keep one and drop the other's answer as stale. A second tab
 * waits and takes over when the first is closed. Browsers without Web Locks answer in one tab.
 */
export function useAttemptLock(attemptId: string): AttemptLock {
  const hasLocks = typeof navigator !== 'undefined' && 'locks' in navigator;
  const [lock, setLock] = useState<AttemptLock>(hasLocks ? 'waiting' : 'held');
  useEffect(() => {
    if (!hasLocks) return;
    const controller = new AbortController();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const timer = window.setTimeout(() => setLock('elsewhere'), LOCK_WAIT_MS);
    navigator.locks
      .request(attemptLockName(attemptId), { signal: controller.signal }, () => {
        window.clearTimeout(timer);
        setLock('held');
        return held;
      })
      .catch(() => undefined);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
      release();
    };
  }, [attemptId, hasLocks]);
  return lock;
}
