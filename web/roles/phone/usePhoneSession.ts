import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  claimPhonePairing,
  getPhoneSession,
  type PhoneSession,
} from '../../../shared/api/phone.js';
import { callApi } from '../../api/client.js';

const PHONE_SESSION_KEY = ['phone', 'session'];

let pendingLoad: Promise<PhoneSession> | null = null;

/**
 * Takes the pairing token from the address (`/phone#<token>`) once and removes it, so a reload
 * or a shared screenshot cannot replay it; without one, the device cookie resumes the pairing.
 */
function readAndClearToken(): string | null {
  const token = window.location.hash.slice(1);
  if (!token) return null;
  window.history.replaceState(window.history.state, '', window.location.pathname);
  return token;
}

/**
 * Claims the scanned token, or resumes by cookie. Memoised for the page: a token is single use,
 * so a second render (StrictMode, a remount) must not claim it again.
 */
function loadPhoneSession(): Promise<PhoneSession> {
  if (pendingLoad) return pendingLoad;
  const token = readAndClearToken();
  const load = token ? callApi(claimPhonePairing, { body: { token } }) : callApi(getPhoneSession);
  pendingLoad = load;
  // A failed load may be tried again (by cookie: the token is gone from the address).
  load.catch(() => {
    if (pendingLoad === load) pendingLoad = null;
  });
  return load;
}

/** The paired phone's session: claimed from the QR token or resumed by the device cookie. */
export function usePhoneSession() {
  return useQuery({
    queryKey: PHONE_SESSION_KEY,
    queryFn: loadPhoneSession,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** Stores the session a phone route answered with. */
export function useStorePhoneSession(): (session: PhoneSession) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (session: PhoneSession) => queryClient.setQueryData(PHONE_SESSION_KEY, session),
    [queryClient],
  );
}
