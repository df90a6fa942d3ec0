import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/service.js';
import type { CheckInDeps } from '../check-in/routes.js';

export interface RealtimeDeps extends CheckInDeps {
  auth: AuthService;
  redisUrl: string | null;
  redisKeyPrefix: string;
}

/** Socket.IO on the app's HTTP server (typed from shared/events.ts). */
export function attachRealtime(_app: FastifyInstance, _deps: RealtimeDeps): void {
  // Built in issue 4 (realtime).
}
