import { use } from 'react';
import type { SessionUser } from '../../shared/api/auth.js';
import { SessionUserContext } from './SessionUserContext.js';

/** The logged-in user; only for pages under RequireAuth. */
export function useSessionUser(): SessionUser {
  const user = use(SessionUserContext);
  if (!user) throw new Error('useSessionUser must be used under <RequireAuth>');
  return user;
}
