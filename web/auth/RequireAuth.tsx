import { Navigate, Outlet } from 'react-router';
import type { Role } from '../../shared/enums.js';
import { LoadError } from '../ui/LoadError.js';
import { PageSpinner } from '../ui/PageSpinner.js';
import { homePathFor, rememberedLoginPath } from './paths.js';
import { useSessionQuery } from './session.js';
import { SessionUserContext } from './SessionUserContext.js';

interface RequireAuthProps {
  /** Roles allowed here; others are sent to their own home. Omit for any logged-in user. */
  roles?: readonly Role[];
  /** The password change page itself must stay reachable while a change is pending. */
  allowPendingPasswordChange?: boolean;
}

/** Guards protected routes: loads the session user, redirects to login or to the right home. */
export function RequireAuth({ roles, allowPendingPasswordChange = false }: RequireAuthProps) {
  const session = useSessionQuery();
  if (session.data === undefined) {
    if (session.isError) {
      return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
    }
    return <PageSpinner />;
  }
  const user = session.data;
  if (user === null) return <Navigate to={rememberedLoginPath()} replace />;
  if (user.mustChangePassword && !allowPendingPasswordChange) {
    return <Navigate to="/change-password" replace />;
  }
  if (roles && !roles.includes(user.role)) return <Navigate to={homePathFor(user)} replace />;
  return (
    <SessionUserContext value={user}>
      <Outlet />
    </SessionUserContext>
  );
}
