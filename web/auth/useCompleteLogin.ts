import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { SessionUser } from '../../shared/api/auth.js';
import { applyLocale } from '../i18n/index.js';
import { homePathFor, loginPathFor, rememberLoginPath } from './paths.js';
import { forgetUserData } from './session.js';

/** After any login: cache the user, adopt their stored language, go to their home. */
export function useCompleteLogin(): (user: SessionUser) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (user: SessionUser) => {
      // Nothing cached for a previous user may leak into this session.
      forgetUserData(queryClient, user);
      rememberLoginPath(loginPathFor(user));
      applyLocale(user.locale);
      void navigate(homePathFor(user), { replace: true });
    },
    [queryClient, navigate],
  );
}
