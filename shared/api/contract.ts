import type { z } from 'zod';
import type { Role } from '../enums.js';
import type { ErrorCode } from '../errors.js';
import { refuseUnstorableText } from './storable-text.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone, any logged-in user, or the listed roles.
 * `allowPendingPasswordChange` lets a user who must change their password still call it.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** Who the role × route matrix (server/security) calls every route as. */
export type MatrixCaller = 'anonymous' | Role | 'phone';

/**
 * What a route answers for rows that are not the caller's: another school's, and inside the
 * school what the caller's role does not reach (another candidate's registration, another
 * college's exam, a session the examiner is not assigned to).
 * - `'NOT_FOUND'` (or another code): the request names such rows by id and is refused so;
 *   NOT_FOUND answers as if they did not exist, so ids cannot be probed.
 * - `'hidden'`: a list that answers the caller's own rows only; a foreign id never appears in it.
 * - `'none'`: the route reaches nobody's rows (public facts, logins, the caller's own account).
 */
export type ForeignAnswer = 'hidden' | 'none' | ErrorCode;

/**
 * The answers a route owes every caller, declared next to its contract and checked by the
 * role × route matrix (server/security/route-matrix.test.ts). `access` already says who passes
 * the gate (anonymous UNAUTHENTICATED, other roles FORBIDDEN); the policy adds the rest.
 */
export interface RoutePolicy {
  foreign: ForeignAnswer;
  /** Roles refused otherwise on foreign rows, e.g. FORBIDDEN for whichever college is not theirs. */
  foreignFor?: Partial<Record<Role, ErrorCode>>;
  /** Callers answered otherwise than `access` implies, e.g. platform admins (in no school). */
  except?: Partial<Record<MatrixCaller, ErrorCode>>;
}

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
  policy: RoutePolicy;
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

/**
 * A route answering a file (image, document, spreadsheet) instead of JSON: registered by hand
 * with the same access rule, and in the role × route matrix like every JSON route.
 */
export interface DownloadContract {
  method: 'GET';
  path: string;
  access: Access;
  params: z.ZodType;
  query?: z.ZodType;
  policy: RoutePolicy;
}

export function defineDownload<const C extends DownloadContract>(contract: C): C {
  return contract;
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
