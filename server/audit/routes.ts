import type { FastifyInstance } from 'fastify';
import { listAuditLog } from '../../shared/api/audit.js';
import { adminScope } from '../admin/policy.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { presentAuditEntry } from './presenter.js';
import { AuditRepo } from './repo.js';

/** The searchable audit log. */
export function registerAuditRoutes(api: FastifyInstance, deps: RouteDeps): void {
  const repo = new AuditRepo(deps.db);

  registerRoute(api, listAuditLog, async ({ auth, query }) => {
    const { rows, total } = await repo.search(adminScope(auth.user), query);
    return {
      items: rows.map(presentAuditEntry),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
