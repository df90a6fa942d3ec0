import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  getSessionQueue,
  type SessionQueue,
  type Ticket,
} from '../../../../shared/api/interviews.js';
import type {
  CandidatePresenceChanged,
  QueueChanged,
  SessionPresence,
} from '../../../../shared/events.js';
import { callApi } from '../../../api/client.js';
import { connectSocket, emitWithAck } from '../../../api/socket.js';

/** The socket carries every change; the slow poll covers a socket that cannot connect. */
const REFETCH_MS = 15_000;

/** The queue and how far the server clock is ahead of this browser's (server − browser). */
export interface QueueSnapshot {
  queue: SessionQueue;
  offsetMs: number;
}

export const sessionQueueKey = (sessionId: string) => ['sessions', sessionId, 'waiting-room'];
const onlineKey = (sessionId: string) => ['sessions', sessionId, 'online-candidates'];
const NOBODY: ReadonlySet<string> = new Set();

/**
 * Puts one changed ticket into the queue. Only a higher `version` replaces what is shown, so a
 * late HTTP answer or a replayed event cannot undo a newer change. Answers null when the ticket
 * is not in the queue yet (a candidate just entered): the caller refetches, since the event
 * carries no check-in results.
 */
export function applyQueueChange(
  snapshot: QueueSnapshot,
  change: QueueChanged,
): QueueSnapshot | null {
  const index = snapshot.queue.items.findIndex(
    (entry) => entry.ticket.registrationId === change.ticket.registrationId,
  );
  if (index < 0) return null;
  const current = snapshot.queue.items[index];
  if (!current || current.ticket.version >= change.ticket.version) return snapshot;
  const items = snapshot.queue.items.with(index, { ...current, ticket: change.ticket });
  const occupant = items.find(
    (entry) => entry.ticket.state === 'invited' || entry.ticket.state === 'in_room',
  );
  return {
    ...snapshot,
    queue: { ...snapshot.queue, items, panelOccupiedBy: occupant?.ticket.registrationId ?? null },
  };
}

/** Puts a ticket a command answered into the cached queue (a newer one from an event wins). */
export function storeTicket(queryClient: QueryClient, sessionId: string, ticket: Ticket): void {
  const key = sessionQueueKey(sessionId);
  const current = queryClient.getQueryData<QueueSnapshot>(key);
  const next = current && applyQueueChange(current, { sessionId, ticket });
  if (next) queryClient.setQueryData(key, next);
  else void queryClient.invalidateQueries({ queryKey: key });
}

/** Keeps, per ticket, the higher version of the cached and the freshly fetched queue. */
function mergeFetched(previous: QueueSnapshot | undefined, fetched: QueueSnapshot): QueueSnapshot {
  if (!previous) return fetched;
  let merged = fetched;
  for (const entry of previous.queue.items) {
    const next = applyQueueChange(merged, {
      sessionId: fetched.queue.sessionId,
      ticket: entry.ticket,
    });
    if (next) merged = next;
  }
  return merged;
}

/**
 * A session's waiting-room queue for the staff pages (候考区 and 考场), under one cache key:
 * HTTP for the full picture (check-in results),
 * `session:watch` + `queue:changed` for every ticket change, sent again after each reconnect
 * (rooms are not kept across connections, docs/events.md).
 */
export function useSessionQueue(sessionId: string) {
  const queryClient = useQueryClient();

  useEffect(() => {
    const key = sessionQueueKey(sessionId);
    const socket = connectSocket();
    const watch = () => {
      void emitWithAck(socket, 'session:watch', { sessionId });
    };
    const onChanged = (change: QueueChanged) => {
      if (change.sessionId !== sessionId) return;
      const current = queryClient.getQueryData<QueueSnapshot>(key);
      if (!current) return;
      const next = applyQueueChange(current, change);
      if (next) queryClient.setQueryData(key, next);
      else void queryClient.invalidateQueries({ queryKey: key });
    };
    const onPresence = ({ sessionId: id, online }: SessionPresence) => {
      if (id === sessionId) queryClient.setQueryData(onlineKey(sessionId), new Set(online));
    };
    const onCandidate = ({ sessionId: id, registrationId, online }: CandidatePresenceChanged) => {
      if (id !== sessionId) return;
      queryClient.setQueryData<ReadonlySet<string>>(onlineKey(sessionId), (current = NOBODY) => {
        const next = new Set(current);
        if (online) next.add(registrationId);
        else next.delete(registrationId);
        return next;
      });
    };
    socket.on('connect', watch);
    socket.on('queue:changed', onChanged);
    socket.on('session:presence', onPresence);
    socket.on('candidate:presence', onCandidate);
    if (socket.connected) watch();
    return () => {
      socket.off('connect', watch);
      socket.off('queue:changed', onChanged);
      socket.off('session:presence', onPresence);
      socket.off('candidate:presence', onCandidate);
    };
  }, [sessionId, queryClient]);

  return useQuery({
    queryKey: sessionQueueKey(sessionId),
    queryFn: async (): Promise<QueueSnapshot> => {
      const queue = await callApi(getSessionQueue, { params: { sessionId } });
      const fetched = { queue, offsetMs: Date.parse(queue.serverTime) - Date.now() };
      return mergeFetched(
        queryClient.getQueryData<QueueSnapshot>(sessionQueueKey(sessionId)),
        fetched,
      );
    },
    refetchInterval: REFETCH_MS,
  });
}

/**
 * The registrations whose candidate PC is online now, kept by useSessionQueue's socket
 * listeners (`session:presence` on every watch, then `candidate:presence`); use beside it.
 */
export function useOnlineCandidates(sessionId: string): ReadonlySet<string> {
  const { data } = useQuery<ReadonlySet<string>>({
    queryKey: onlineKey(sessionId),
    queryFn: () => NOBODY,
    enabled: false,
    initialData: NOBODY,
  });
  return data;
}
