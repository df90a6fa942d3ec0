import type { z } from 'zod';
import type { Role } from '../enums.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone, any logged-in user, or the listed roles.
 * `allowPendingPasswordChange` lets a user who must change their password still call it.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** One HTTP route, shared by the server (validation, OpenAPI) and the web client (types). */
export interface RouteContract<
  TParams extends z.ZodType = z.ZodType,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  TResponse extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Fastify-style path: `/api/schools/:slug`. */
  path: string;
  summary: string;
  tags: readonly string[];
  access: Access;
  allowPendingPasswordChange?: boolean;
  params?: TParams;
  query?: TQuery;
  body?: TBody;
  response: TResponse;
}

export function defineRoute<
  TParams extends z.ZodType = z.ZodType,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  TResponse extends z.ZodType = z.ZodType,
>(
  contract: RouteContract<TParams, TQuery, TBody, TResponse>,
): RouteContract<TParams, TQuery, TBody, TResponse> {
  return contract;
}

type Field<T, K extends string> = T extends z.ZodType ? { [P in K]: z.input<T> } : unknown;

/** What a caller passes: only the parts the route declares. */
export type RouteInput<C> =
  C extends RouteContract<infer P, infer Q, infer B, z.ZodType>
    ? (C extends { params: z.ZodType } ? Field<P, 'params'> : unknown) &
        (C extends { query: z.ZodType } ? Field<Q, 'query'> : unknown) &
        (C extends { body: z.ZodType } ? Field<B, 'body'> : unknown)
    : never;

/** What a route answers with. */
export type RouteOutput<C> = C extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer R>
  ? z.output<R>
  : never;

/** Fills `:name` placeholders of a path from params. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
