import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getMyAttempt,
  startMyAttempt,
  submitMyAttempt,
  type AttemptView,
  type MyAttempt,
} from '../../../../shared/api/written-exam.js';
import { callApi } from '../../../api/client.js';

/** The written exam of a registration and how far the server clock is ahead of this browser's. */
export interface AttemptSnapshot {
  mine: MyAttempt;
  /** serverTime − browser time when the answer arrived; add it to Date.now() for server time. */
  offsetMs: number;
}

export const attemptKey = (registrationId: string) => [
  'me',
  'registrations',
  registrationId,
  'attempt',
];

/** The candidate's attempt; asked again by the page when a time it shows has passed. */
export function useMyAttempt(registrationId: string) {
  return useQuery({
    queryKey: attemptKey(registrationId),
    queryFn: async (): Promise<AttemptSnapshot> => {
      const mine = await callApi(getMyAttempt, { params: { registrationId } });
      return { mine, offsetMs: Date.parse(mine.serverTime) - Date.now() };
    },
  });
}

/** Puts an attempt the server answered with (after start or 交卷) into the cached snapshot. */
function useStoreAttempt(registrationId: string) {
  const queryClient = useQueryClient();
  return (attempt: AttemptView) => {
    queryClient.setQueryData<AttemptSnapshot>(attemptKey(registrationId), (current) =>
      current ? { ...current, mine: { ...current.mine, hasPaper: true, attempt } } : current,
    );
  };
}

/** 开始作答: the paper opens (the server refuses before the start). */
export function useStartAttempt(registrationId: string) {
  const store = useStoreAttempt(registrationId);
  return useMutation({
    mutationFn: () => callApi(startMyAttempt, { params: { registrationId } }),
    onSuccess: store,
    meta: { insideSession: true },
  });
}

/** 交卷. */
export function useSubmitAttempt(registrationId: string) {
  const store = useStoreAttempt(registrationId);
  return useMutation({
    mutationFn: () => callApi(submitMyAttempt, { params: { registrationId } }),
    onSuccess: store,
    meta: { insideSession: true },
  });
}
