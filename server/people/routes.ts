import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';

/** Colleges and staff accounts (admin console). */
export function registerPeopleRoutes(_api: FastifyInstance, _deps: RouteDeps): void {
  // Routes arrive with the admin console work (issue 3).
}
