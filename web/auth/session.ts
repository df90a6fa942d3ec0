import { useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
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

// Queries anyone may see; everything else belongs to the logged-in user.
const PUBLIC_QUERY_ROOTS = new Set<unknown>(['schools', 'school', 'dev']);

/** Drops everything cached for the previous user, keeping public data such as the school. */
export function forgetUserData(queryClient: QueryClient, user: SessionUser | null): void {
  queryClient.removeQueries({ predicate: (query) => !PUBLIC_QUERY_ROOTS.has(query.queryKey[0]) });
  queryClient.setQueryData(sessionQueryKey, user);
}
