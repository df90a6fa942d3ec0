import type { FastifyInstance } from 'fastify';
import type { DocumentLimits } from '../../shared/api/documents.js';
import type { RouteDeps } from '../route-deps.js';

/** 身份认证: the candidate's documents and the admins' review queue. */
export function registerDocumentRoutes(
  _app: FastifyInstance,
  _deps: RouteDeps,
  _limits: DocumentLimits,
): void {
  // Filled in by the documents work.
}
