import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  FastifySchemaCompiler,
} from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { ZodType } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import type { RouteContract, RouteOutput, RouteParsed } from '../../shared/api/contract.js';
import { refuseUnstorableText } from '../../shared/api/storable-text.js';
import { AppError } from '../errors/app-error.js';
import type { AuthContext } from '../auth/auth-context.js';

export interface RouteContext<C extends RouteContract> {
  params: RouteParsed<C, 'params'>;
  query: RouteParsed<C, 'query'>;
  body: RouteParsed<C, 'body'>;
  /** The caller; null only on public routes. */
  auth: C['access'] extends 'public' ? AuthContext | null : AuthContext;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Fastify's zod validator, with the contracts' text rule also on the few routes registered by hand
 * (binary downloads): no params, query or body may carry text the database cannot store.
 */
export const storableTextValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) =>
  validatorCompiler({
    ...route,
    schema: route.schema instanceof ZodType ? refuseUnstorableText(route.schema) : route.schema,
  });

/** Rejects callers the contract does not admit, before the body is even parsed. */
export function assertAccess(contract: RouteContract, auth: AuthContext | null): void {
  if (contract.access === 'public') return;
  if (!auth) throw AppError.unauthenticated();
  if (auth.user.mustChangePassword && !contract.allowPendingPasswordChange) {
    throw AppError.of('PASSWORD_CHANGE_REQUIRED');
  }
  if (contract.access === 'authenticated') return;
  if (!contract.access.includes(auth.user.role)) throw AppError.forbidden();
}

/**
 * Registers one shared contract: its schemas drive validation, OpenAPI and the handler's types;
 * the handler returns the response body.
 */
export function registerRoute<C extends RouteContract>(
  app: FastifyInstance,
  contract: C,
  handler: (context: RouteContext<C>) => Promise<RouteOutput<C>> | RouteOutput<C>,
  options: { rateLimit?: { max: number; timeWindow: number } } = {},
): void {
  const schema: FastifySchema = {
    summary: contract.summary,
    tags: [...contract.tags],
    ...(contract.params ? { params: contract.params } : {}),
    ...(contract.query ? { querystring: contract.query } : {}),
    ...(contract.body ? { body: contract.body } : {}),
    response: { 200: contract.response },
  };
  app.route({
    method: contract.method,
    url: contract.path,
    schema,
    config: options.rateLimit ? { rateLimit: options.rateLimit } : {},
    onRequest: (request, _reply, done) => {
      try {
        assertAccess(contract, request.auth);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    handler: async (request, reply): Promise<unknown> => {
      // Validation ran against the same schemas, so these casts state what Fastify checked.
      const context = {
        params: request.params,
        query: request.query,
        body: request.body,
        auth: request.auth,
        request,
        reply,
      } as RouteContext<C>;
      return handler(context);
    },
  });
}
