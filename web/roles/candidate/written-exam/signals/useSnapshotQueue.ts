import { useCallback, useEffect, useState } from 'react';
import { RETRY_MS } from '../useAnswerQueue.js';
import { SnapshotQueue, type SnapshotSender, type SnapshotStorage } from './evidence-queue.js';
import { snapshotSender } from './evidence-sender.js';

/** Keeps one evidence snapshot for its event: stored, then uploaded (evidence-queue.ts). */
export type KeepSnapshot = (eventId: string, jpeg: Blob) => void;

/**
 * The attempt's evidence snapshots (evidence-queue.ts): sends what an earlier page left, each
 * new one as it is taken, again when the browser is back online and every RETRY_MS while one
 * waits (its event may not have reached the server yet).
 */
export function useSnapshotQueue(
  registrationId: string,
  attemptId: string,
  storage: SnapshotStorage,
  send: SnapshotSender = snapshotSender(registrationId),
): KeepSnapshot {
  const [queue] = useState(() => new SnapshotQueue(attemptId, storage, send));
  useEffect(() => {
    void queue.flush();
    const handleOnline = () => void queue.flush();
    window.addEventListener('online', handleOnline);
    const timer = window.setInterval(() => {
      if (queue.isWaiting) void queue.flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', handleOnline);
      window.clearInterval(timer);
    };
  }, [queue]);
  return useCallback((eventId, jpeg) => void queue.add(eventId, jpeg), [queue]);
}
