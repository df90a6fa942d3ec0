import type { FastifyInstance } from 'fastify';
import type { CheckInDeps } from '../check-in/routes.js';

/** Pairing a phone as the second camera by a QR token, and the phone page's own API. */
export function registerPhoneRoutes(_app: FastifyInstance, _deps: CheckInDeps): void {
  // Built in issue 4 (phone pairing).
}
