import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';
import type { Role } from '../../shared/enums.js';
import type { RouteContract } from '../../shared/api/contract.js';
import { AppError } from '../errors/app-error.js';
import type { AuthContext } from '../auth/auth-context.js';

// Distributes over `Schema | undefined`, so an optional contract field yields its output type.
type Out<T> = T extends z.ZodType ? z.output<T> : never;

export interface RouteContext<P, Q, B, TAuth> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  auth: TAuth;
  request: FastifyRequest;
  reply: FastifyReply;
}

type AuthFor<C> = C extends { access: 'public' } ? AuthContext | null : AuthContext;

/** Rejects callers the contract does not admit, before the body is even parsed. */
export function assertAccess(contract: RouteContract, auth: AuthContext | null): void {
  if (contract.access === 'public') return;
  if (!auth) throw AppError.unauthenticated();
  if (auth.user.mustChangePassword && !contract.allowPendingPasswordChange) {
    throw AppError.of('PASSWORD_CHANGE_REQUIRED');
  }
  if (contract.access === 'authenticated') return;
  if (!(contract.access as readonly Role[]).includes(auth.user.role)) throw AppError.forbidden();
}

/**
 * Registers one shared contract: its schemas drive validation, OpenAPI and the handler's types;
 * the handler returns the response body.
 */
export function registerRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  C extends RouteContract<P, Q, B, R>,
>(
  app: FastifyInstance,
  contract: C & RouteContract<P, Q, B, R>,
  handler: (context: RouteContext<C['params'], C['query'], C['body'], AuthFor<C>>) => Promise<z.output<R>>,
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
      const context = {
        params: request.params,
        query: request.query,
        body: request.body,
        auth: request.auth,
        request,
        reply,
      } as RouteContext<C['params'], C['query'], C['body'], AuthFor<C>>;
      return handler(context);
    },
  });
}
