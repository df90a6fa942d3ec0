import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';

/** Roster import (XLSX/CSV), reference photos (zip), the template, and session rosters. */
export function registerRosterRoutes(_app: FastifyInstance, _deps: RouteDeps): void {
  // Filled in by the roster work.
}
