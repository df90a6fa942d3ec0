import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';

/** Exams, sessions and staff assignments (admin console). */
export function registerExamAdminRoutes(_api: FastifyInstance, _deps: RouteDeps): void {
  // Routes arrive with the admin console work (issue 3).
}
