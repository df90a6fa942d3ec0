import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';
import type { CheckInChangeFeed } from './change-feed.js';
import type { FaceMatcher } from './face-matcher.js';

export interface CheckInDeps extends RouteDeps {
  faceMatcher: FaceMatcher;
  changes: CheckInChangeFeed;
}

/** The candidate's check-in and the staff view of a session's check-ins. */
export function registerCheckInRoutes(_app: FastifyInstance, _deps: CheckInDeps): void {
  // Built in issue 4 (check-in server).
}
