import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type {
  AttemptEventDetail,
  AttemptEventType,
} from '../../../../../shared/api/attempt-events.js';
import { RETRY_MS } from '../useAnswerQueue.js';
import { eventSender } from './event-sender.js';
import { AttemptEventQueue, type EventQueueSnapshot, type EventStorage } from './event-queue.js';

export interface AttemptEvents {
  /** Logs an event; answers its id (null once the attempt takes no more). */
  record: (type: AttemptEventType, detail?: AttemptEventDetail) => string | null;
  queue: EventQueueSnapshot;
}

/**
 * The attempt's event log (event-queue.ts): sends what an earlier page left, then each event
 * as it happens; again when the browser is back online and every RETRY_MS while sends fail.
 */
export function useAttemptEvents(
  registrationId: string,
  attemptId: string,
  storage: EventStorage,
): AttemptEvents {
  // Mounted per attempt (keyed by its id): one queue lives as long as the page.
  const [queue] = useState(
    () => new AttemptEventQueue({ attemptId, storage, send: eventSender(registrationId) }),
  );
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot);

  useEffect(() => {
    void queue.flush();
    const handleOnline = () => void queue.flush();
    window.addEventListener('online', handleOnline);
    return () => window.removeEventListener('online', handleOnline);
  }, [queue]);

  const { isFailing } = snapshot;
  useEffect(() => {
    if (!isFailing) return;
    const timer = window.setInterval(() => void queue.flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [isFailing, queue]);

  const record = useCallback(
    (type: AttemptEventType, detail?: AttemptEventDetail) => queue.record(type, detail),
    [queue],
  );
  return { record, queue: snapshot };
}
