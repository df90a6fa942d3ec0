import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  getSessionQueue,
  type SessionQueue,
  type Ticket,
} from '../../../../shared/api/interviews.js';
import type { QueueChanged } from '../../../../shared/events.js';
import { callApi } from '../../../api/client.js';
import { connectSocket, emitWithAck } from '../../../api/socket.js';

/** The socket keeps the queue live; this slow poll brings the check-in results along. */
const REFRESH_MS = 15_000;

export const sessionQueueKey = (sessionId: string) => ['sessions', sessionId, 'waiting-room'];

/** Keeps, per candidate, whichever ticket has the higher version: a late answer never undoes an event. */
function newerTickets(fresh: SessionQueue, current: SessionQueue | undefined): SessionQueue {
  if (!current) return fresh;
  const known = new Map(current.items.map((item) => [item.ticket.registrationId, item.ticket]));
  return {
    ...fresh,
    items: fresh.items.map((item) => {
      const seen = known.get(item.ticket.registrationId);
      return seen && seen.version > item.ticket.version ? { ...item, ticket: seen } : item;
    }),
  };
}

/** Puts one ticket from `queue:changed` into the cached queue; false when the candidate is new. */
export function applyTicket(queryClient: QueryClient, sessionId: string, ticket: Ticket): boolean {
  let found = false;
  queryClient.setQueryData<SessionQueue>(sessionQueueKey(sessionId), (current) => {
    if (!current) return current;
    return {
      ...current,
      items: current.items.map((item) => {
        if (item.ticket.registrationId !== ticket.registrationId) return item;
        found = true;
        return item.ticket.version >= ticket.version ? item : { ...item, ticket };
      }),
    };
  });
  return found;
}

/**
 * The session's waiting-room queue: read over HTTP (tickets with the check-in results), kept
 * current by `queue:changed` after `session:watch` (sent again on every reconnect, since rooms
 * do not survive one), plus a slow refetch. A candidate the cache does not know yet (just
 * entered) triggers a refetch, since the event carries the ticket only.
 */
export function useSessionQueue(sessionId: string) {
  const queryClient = useQueryClient();

  useEffect(() => {
    const socket = connectSocket();
    const watch = () => {
      void emitWithAck(socket, 'session:watch', { sessionId });
    };
    const onChanged = (payload: QueueChanged) => {
      if (payload.sessionId !== sessionId) return;
      if (!applyTicket(queryClient, sessionId, payload.ticket)) {
        void queryClient.invalidateQueries({ queryKey: sessionQueueKey(sessionId) });
      }
    };
    socket.on('queue:changed', onChanged);
    socket.on('connect', watch);
    if (socket.connected) watch();
    return () => {
      socket.off('queue:changed', onChanged);
      socket.off('connect', watch);
    };
  }, [sessionId, queryClient]);

  return useQuery({
    queryKey: sessionQueueKey(sessionId),
    queryFn: async () => {
      const fresh = await callApi(getSessionQueue, { params: { sessionId } });
      return newerTickets(fresh, queryClient.getQueryData(sessionQueueKey(sessionId)));
    },
    refetchInterval: REFRESH_MS,
  });
}
