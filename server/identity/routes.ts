import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';

/** 确认信息 / 身份信息有误 (seed 002), the admins' list of reports, and the mock exam entry. */
export function registerIdentityRoutes(_app: FastifyInstance, _deps: RouteDeps): void {
  // Filled in by the identity work.
}
