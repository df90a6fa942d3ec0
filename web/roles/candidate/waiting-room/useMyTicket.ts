import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getMyTicket, type CandidateTicket } from '../../../../shared/api/interviews.js';
import type { TicketChanged } from '../../../../shared/events.js';
import { callApi } from '../../../api/client.js';
import { connectSocket } from '../../../api/socket.js';

/** The candidate's ticket and how far the server clock is ahead of this browser's. */
export interface TicketSnapshot {
  ticket: CandidateTicket | null;
  offsetMs: number;
}

/** The waiting-room ticket (not the 准考证, which is `…, 'ticket'` in candidate/ticket). */
export const ticketKey = (registrationId: string) => [
  'me',
  'registrations',
  registrationId,
  'waiting-room',
];

export function ticketSnapshot(ticket: CandidateTicket | null, serverTime: string): TicketSnapshot {
  return { ticket, offsetMs: Date.parse(serverTime) - Date.now() };
}

/**
 * Whichever snapshot holds the newer ticket (higher `version`). A poll answered after a socket
 * event must not put back the state the event replaced (an interview shown running after it
 * ended).
 */
export function newerSnapshot(
  current: TicketSnapshot | undefined,
  next: TicketSnapshot,
): TicketSnapshot {
  return current?.ticket && next.ticket && current.ticket.version > next.ticket.version
    ? current
    : next;
}

/**
 * The waiting-room ticket, kept current by the socket's `ticket:changed` (the server sends the
 * current ticket first on every (re)connect); a slow poll covers a socket that cannot connect.
 * Only a higher `version` replaces what is shown, so a late answer cannot undo a newer event.
 */
export function useMyTicket(registrationId: string) {
  const queryClient = useQueryClient();

  useEffect(() => {
    const key = ticketKey(registrationId);
    const socket = connectSocket();
    const onChanged = (payload: TicketChanged) => {
      if (payload.registrationId !== registrationId) return;
      queryClient.setQueryData<TicketSnapshot>(key, (current) =>
        newerSnapshot(current, ticketSnapshot(payload.ticket, payload.ticket.serverTime)),
      );
    };
    socket.on('ticket:changed', onChanged);
    return () => {
      socket.off('ticket:changed', onChanged);
    };
  }, [registrationId, queryClient]);

  return useQuery({
    queryKey: ticketKey(registrationId),
    queryFn: async () => {
      const answer = await callApi(getMyTicket, { params: { registrationId } });
      // Read the cache now, not when the request left: an event may have come in between.
      return newerSnapshot(
        queryClient.getQueryData<TicketSnapshot>(ticketKey(registrationId)),
        ticketSnapshot(answer.ticket, answer.serverTime),
      );
    },
    refetchInterval: 30_000,
  });
}
