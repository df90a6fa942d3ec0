import type { z } from 'zod';
import type { Role } from '../enums.js';
import { refuseUnstorableText } from './storable-text.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone, any logged-in user, or the listed roles.
 * `allowPendingPasswordChange` lets a user who must change their password still call it.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** One HTTP route, shared by the server (validation, OpenAPI) and the web client (types). */
export interface RouteContract {
  method: HttpMethod;
  /** Fastify-style path: `/api/schools/:slug`. */
  path: string;
  summary: string;
  tags: readonly string[];
  access: Access;
  allowPendingPasswordChange?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * The body is one file's raw bytes (application/octet-stream), not JSON; its name travels in
   * the `name` query parameter. The web client sends it with upload progress.
   */
  upload?: true;
  response: z.ZodType;
}

/**
 * Keeps the literal types of a contract (its access, its schemas) for both sides, and makes its
 * params, query and body refuse text the database cannot store (`TEXT_NOT_STORABLE`).
 */
export function defineRoute<const C extends RouteContract>(contract: C): C {
  const { params, query, body } = contract;
  return {
    ...contract,
    ...(params ? { params: refuseUnstorableText(params) } : {}),
    ...(query ? { query: refuseUnstorableText(query) } : {}),
    ...(body ? { body: refuseUnstorableText(body) } : {}),
  };
}

type Part<C, K extends 'params' | 'query' | 'body'> =
  C extends Record<K, infer S extends z.ZodType> ? S : undefined;

/** The parsed (output) type of a contract's params, query or body; undefined when it has none. */
export type RouteParsed<C, K extends 'params' | 'query' | 'body'> =
  Part<C, K> extends z.ZodType ? z.output<Part<C, K>> : undefined;

/** What a caller passes: only the parts the route declares. */
export type RouteInput<C> = (Part<C, 'params'> extends z.ZodType
  ? { params: z.input<Part<C, 'params'>> }
  : unknown) &
  (Part<C, 'query'> extends z.ZodType ? { query: z.input<Part<C, 'query'>> } : unknown) &
  (Part<C, 'body'> extends z.ZodType ? { body: z.input<Part<C, 'body'>> } : unknown);

/** What a route answers with. */
export type RouteOutput<C extends RouteContract> = z.output<C['response']>;

/** Fills `:name` placeholders of a path from params. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
