import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { AttemptView } from '../../../../shared/api/written-exam.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import {
  AnswerQueue,
  type AnswerSender,
  type AnswerStorage,
  type QueueSnapshot,
} from './answer-queue.js';
import { saveSender } from './save-sender.js';

/** How often answers that got no answer are sent again while the page thinks it is online. */
export const RETRY_MS = 5_000;

export interface AnswerQueueState {
  /** The answers to show, the server's or newer local ones; null while the local copy loads. */
  answers: ReadonlyMap<string, Answer> | null;
  queue: QueueSnapshot;
  /** What the browser says (navigator.onLine); the queue's own failures say more. */
  isOnline: boolean;
  change: (paperQuestionId: string, answer: Answer) => void;
  flush: () => Promise<void>;
  /** How many answers wait right now (after an await, the rendered snapshot may be old). */
  pendingNow: () => number;
  /**
   * Questions now showing the answer another device saved (it overtook this one's), oldest
   * first, until the candidate dismisses the notice or changes the answer again.
   */
  otherDeviceIds: readonly string[];
  dismissOtherDevice: (paperQuestionId: string) => void;
  /** Goes up each time a question's answer is replaced from outside: its inputs start anew. */
  revisionOf: (paperQuestionId: string) => number;
}

interface AnswerQueueOptions {
  /** The save of a mock attempt instead of the formal attempt's. */
  send?: AnswerSender | undefined;
  /** Reads the attempt again: its stored answers, or nothing when it could not be read. */
  refetch: () => Promise<Pick<AttemptView, 'answers'> | null | undefined>;
}

/** Whether the browser believes it is online, following its online/offline events. */
function useOnline(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      window.addEventListener('online', onChange);
      window.addEventListener('offline', onChange);
      return () => {
        window.removeEventListener('online', onChange);
        window.removeEventListener('offline', onChange);
      };
    },
    () => navigator.onLine,
  );
}

/**
 * The attempt's autosave (answer-queue.ts): loads the copy this browser kept, replays it, sends
 * it again when the browser is back online and every RETRY_MS while saves fail. `send` is the
 * formal attempt's save unless given (a mock attempt's). When another device saved a newer
 * answer of a question, the attempt is read again and that answer shown in place of this one's.
 */
export function useAnswerQueue(
  registrationId: string,
  attempt: Pick<AttemptView, 'attemptId' | 'answers'>,
  storage: AnswerStorage,
  { send, refetch }: AnswerQueueOptions,
): AnswerQueueState {
  // The page mounts this per attempt (keyed by its id), so one queue lives as long as the page.
  const [queue] = useState(
    () =>
      new AnswerQueue({
        attemptId: attempt.attemptId,
        storage,
        send: send ?? saveSender(registrationId),
      }),
  );
  const [serverAnswers] = useState(attempt.answers);
  const [answers, setAnswers] = useState<Map<string, Answer> | null>(null);
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const isOnline = useOnline();

  useEffect(() => {
    let isMounted = true;
    void queue.load(serverAnswers).then((loaded) => {
      if (!isMounted) return;
      setAnswers(loaded);
      void queue.flush();
    });
    return () => {
      isMounted = false;
    };
  }, [queue, serverAnswers]);

  // Back online: what waits goes out at once (the browser's word; failures are retried anyway).
  useEffect(() => {
    const handleOnline = () => void queue.flush();
    window.addEventListener('online', handleOnline);
    return () => window.removeEventListener('online', handleOnline);
  }, [queue]);

  // Another device overtook an answer: the attempt is read again and, once the reading is new
  // enough, the stored answer shown instead of this device's (tried again while it is not).
  const [otherDeviceIds, setOtherDeviceIds] = useState<readonly string[]>([]);
  const [revisions, setRevisions] = useState<ReadonlyMap<string, number>>(new Map());
  const showStored = useCallback(async () => {
    const read = await refetch();
    if (!read) return;
    const shown = queue.takeStored(read.answers);
    if (shown.size === 0) return;
    const ids = [...shown.keys()];
    setAnswers((current) => new Map([...(current ?? []), ...shown]));
    setOtherDeviceIds((current) => [...current.filter((id) => !shown.has(id)), ...ids]);
    setRevisions((current) => {
      const next = new Map(current);
      for (const id of ids) next.set(id, (current.get(id) ?? 0) + 1);
      return next;
    });
  }, [queue, refetch]);
  useEffect(() => queue.subscribeOvertaken(() => void showStored()), [queue, showStored]);
  const isOvertaken = snapshot.overtakenIds.length > 0;
  useEffect(() => {
    if (!isOvertaken) return;
    const timer = window.setInterval(() => void showStored(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [isOvertaken, showStored]);

  const isFailing = snapshot.status === 'failing';
  useEffect(() => {
    if (!isFailing) return;
    const timer = window.setInterval(() => void queue.flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [isFailing, queue]);

  const change = useCallback(
    (paperQuestionId: string, answer: Answer) => {
      setAnswers((current) => new Map(current ?? []).set(paperQuestionId, answer));
      setOtherDeviceIds((current) => current.filter((id) => id !== paperQuestionId));
      queue.change(paperQuestionId, answer);
    },
    [queue],
  );
  const flush = useCallback(() => queue.flush(), [queue]);

  const pendingNow = useCallback(() => queue.getSnapshot().pendingIds.length, [queue]);
  const dismissOtherDevice = useCallback(
    (paperQuestionId: string) =>
      setOtherDeviceIds((current) => current.filter((id) => id !== paperQuestionId)),
    [],
  );
  const revisionOf = useCallback((id: string) => revisions.get(id) ?? 0, [revisions]);

  return {
    answers,
    queue: snapshot,
    isOnline,
    change,
    flush,
    pendingNow,
    otherDeviceIds,
    dismissOtherDevice,
    revisionOf,
  };
}
