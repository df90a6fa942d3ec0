import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { getMyCheckIn, type CheckInState } from '../../../../shared/api/check-in.js';
import { callApi } from '../../../api/client.js';

/** How often the page asks the server again: the session opens by the server clock. */
export const CHECK_IN_POLL_MS = 15_000;

/** A check-in state and how far the server clock is ahead of this browser's clock. */
export interface CheckInSnapshot {
  state: CheckInState;
  /** serverTime − browser time when the answer arrived; add it to Date.now() for server time. */
  offsetMs: number;
}

/** Under the registrations list's key, so the list's invalidation can refresh it too. */
export const checkInKey = (registrationId: string) => [
  'me',
  'registrations',
  registrationId,
  'check-in',
];

export function toSnapshot(state: CheckInState, receivedAt = Date.now()): CheckInSnapshot {
  return { state, offsetMs: Date.parse(state.serverTime) - receivedAt };
}

/** The candidate's check-in for one registration, polled every CHECK_IN_POLL_MS. */
export function useCheckIn(registrationId: string) {
  return useQuery({
    queryKey: checkInKey(registrationId),
    queryFn: async () => toSnapshot(await callApi(getMyCheckIn, { params: { registrationId } })),
    refetchInterval: CHECK_IN_POLL_MS,
  });
}

/** Stores a state the server answered with (after a step), without waiting for the next poll. */
export function useStoreCheckInState(registrationId: string): (state: CheckInState) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (state: CheckInState) => {
      queryClient.setQueryData(checkInKey(registrationId), toSnapshot(state));
    },
    [queryClient, registrationId],
  );
}

/** The server's clock now (ms), ticking once a second; display only. */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => window.clearInterval(timer);
  }, [offsetMs]);
  return now;
}
