import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { sessionQueryKey } from '../auth/session.js';
import { isApiError } from './ApiError.js';

function handleUnauthenticated(client: QueryClient, error: unknown): void {
  // The session ended (expired, logged out elsewhere): the route guard sends the user to login.
  if (isApiError(error, 'UNAUTHENTICATED')) client.setQueryData(sessionQueryKey, null);
}

/** The app's server-state cache with its rules (component tests make one per test). */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleUnauthenticated(client, error) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // A failed login answers 401 too; only calls made inside a session end it.
        if (mutation.meta?.insideSession === true) handleUnauthenticated(client, error);
      },
    }),
    // 'always': requests go to our own server even when the browser believes it is offline
    // (navigator.onLine is unreliable on campus networks and in headless browsers); a real outage
    // then shows as a NETWORK error with a retry instead of a button that spins forever.
    defaultOptions: {
      mutations: { networkMode: 'always' },
      queries: {
        networkMode: 'always',
        retry: (failureCount, error) =>
          failureCount < 2 &&
          isApiError(error) &&
          (error.code === 'NETWORK' || error.status >= 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

export const queryClient: QueryClient = createQueryClient();
