import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';

/** School and college announcements. */
export function registerAnnouncementRoutes(_api: FastifyInstance, _deps: RouteDeps): void {
  // Routes arrive with the admin console work (issue 3).
}
