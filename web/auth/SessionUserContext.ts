import { createContext } from 'react';
import type { SessionUser } from '../../shared/api/auth.js';

/** The logged-in user, provided by RequireAuth to every protected page. */
export const SessionUserContext = createContext<SessionUser | null>(null);
