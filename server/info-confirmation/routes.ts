import type { FastifyInstance } from 'fastify';
import * as contracts from '../../shared/api/info-confirmation.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { IdentityRepo } from './repo.js';
import { RosterReportsService } from './reports-service.js';
import { IdentityService } from './service.js';

/** 确认信息 / 身份信息有误 (docs/journeys.md J3), the admins' list of reports, and the mock exam entry. */
export function registerIdentityRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const repo = new IdentityRepo(deps.db);
  const identity = new IdentityService(repo, deps.audit, deps.clock);
  const reports = new RosterReportsService(repo, deps.audit, deps.clock);

  registerRoute(app, contracts.getMyIdentity, ({ auth, params }) =>
    identity.identity(auth.user, params.registrationId),
  );
  registerRoute(app, contracts.confirmMyIdentity, ({ auth, params, request }) =>
    identity.confirm({ user: auth.user, ip: request.ip }, params.registrationId),
  );
  registerRoute(app, contracts.reportMyIdentity, ({ auth, params, body, request }) =>
    identity.report({ user: auth.user, ip: request.ip }, params.registrationId, body.message),
  );
  registerRoute(app, contracts.enterMockExam, ({ auth, params }) =>
    identity.enterMock(auth.user, params.registrationId),
  );

  registerRoute(app, contracts.listRosterReports, ({ auth, query }) =>
    reports.list(auth.user, query),
  );
  registerRoute(app, contracts.resolveRosterReport, ({ auth, params, body, request }) =>
    reports.resolve({ user: auth.user, ip: request.ip }, params.reportId, body.note),
  );
}
