import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { getCurrentUser, type SessionUser } from '../../shared/api/auth.js';
import { callApi, isApiError } from '../api/client.js';

/** Cache key of the logged-in user; `null` means logged out. */
export const sessionQueryKey = ['auth', 'me'] as const;

async function fetchSessionUser(): Promise<SessionUser | null> {
  try {
    const { user } = await callApi(getCurrentUser);
    return user;
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

export function useSessionQuery(): UseQueryResult<SessionUser | null> {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSessionUser, staleTime: 60_000 });
}
