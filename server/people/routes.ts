import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as contracts from '../../shared/api/people.js';
import type { AuthContext } from '../auth/auth-context.js';
import type { LoginGuard } from '../auth/login-guard.js';
import type { SessionCache } from '../auth/session-cache.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { PeopleRepo } from './repo.js';
import { PeopleService, type Actor } from './service.js';

const actorOf = (auth: AuthContext, request: FastifyRequest): Actor => ({
  user: auth.user,
  ip: request.ip,
});

/** Colleges and staff accounts (admin console). */
export function registerPeopleRoutes(
  api: FastifyInstance,
  deps: RouteDeps,
  loginLimits: Pick<LoginGuard, 'restricted' | 'unlock'>,
  sessions: Pick<SessionCache, 'forgetUsers' | 'forgetCollege'>,
): void {
  const people = new PeopleService(
    new PeopleRepo(deps.db, sessions),
    deps.audit,
    deps.clock,
    loginLimits,
  );

  registerRoute(api, contracts.listColleges, async ({ auth }) => ({
    items: await people.listColleges(auth.user),
  }));
  registerRoute(api, contracts.createCollege, ({ auth, request, body }) =>
    people.createCollege(actorOf(auth, request), body),
  );
  registerRoute(api, contracts.updateCollege, ({ auth, request, params, body }) =>
    people.updateCollege(actorOf(auth, request), params.collegeId, body),
  );
  registerRoute(api, contracts.listStaff, ({ auth, query }) => people.listStaff(auth.user, query));
  registerRoute(api, contracts.createStaff, ({ auth, request, body }) =>
    people.createStaff(actorOf(auth, request), body),
  );
  registerRoute(api, contracts.setStaffDisabled, ({ auth, request, params, body }) =>
    people.setStaffDisabled(actorOf(auth, request), params.userId, body.disabled),
  );
  registerRoute(api, contracts.resetStaffPassword, ({ auth, request, params }) =>
    people.resetStaffPassword(actorOf(auth, request), params.userId),
  );
  registerRoute(api, contracts.unlockStaffLogin, ({ auth, request, params }) =>
    people.unlockStaffLogin(actorOf(auth, request), params.userId),
  );
}
