import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { SessionUser } from '../../shared/api/auth.js';
import { applyLocale } from '../i18n/index.js';
import { homePathFor, loginPathFor, rememberLoginPath } from './paths.js';
import { forgetUserData } from './session.js';

/**
 * After any login: forget the previous user's data, adopt the stored language, and go to the
 * user's home (or a page of it, such as the ticket the lookup found).
 */
export function useCompleteLogin(): (user: SessionUser, destination?: string) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (user: SessionUser, destination?: string) => {
      // Nothing cached for a previous user may leak into this session.
      forgetUserData(queryClient, user);
      rememberLoginPath(loginPathFor(user));
      applyLocale(user.locale);
      void navigate(destination ?? homePathFor(user), { replace: true });
    },
    [queryClient, navigate],
  );
}
