import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';

/** The searchable audit log. */
export function registerAuditRoutes(_api: FastifyInstance, _deps: RouteDeps): void {
  // Routes arrive with the admin console work (issue 3).
}
