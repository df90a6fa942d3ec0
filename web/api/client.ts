import { getCsrfToken } from '../../shared/api/auth.js';
import {
  buildPath,
  type RouteContract,
  type RouteInput,
  type RouteOutput,
} from '../../shared/api/contract.js';
import { ApiError } from './ApiError.js';

export { ApiError, isApiError, type ApiErrorCode } from './ApiError.js';

/** The body type a route declares (for form values). */
export type ApiBody<C> = ApiInput<C> extends { body: infer B } ? B : never;

const CSRF_COOKIE = 'invigil_csrf';
const CSRF_HEADER = 'x-csrf-token';

/** What a caller passes: exactly the parts (params, query, body) the route declares. */
export type ApiInput<C> = RouteInput<C>;

/** Routes that declare no input may be called without one. */
type InputArgs<C> = object extends ApiInput<C> ? [input?: ApiInput<C>] : [input: ApiInput<C>];

/** Calls one route of the shared contract; resolves with its validated answer or throws ApiError. */
export async function callApi<C extends RouteContract>(
  contract: C,
  ...[input]: InputArgs<C>
): Promise<RouteOutput<C>> {
  const { params, query, body } = readInput(input);
  const url = buildPath(contract.path, params) + toQueryString(query);
  const isMutation = contract.method !== 'GET';
  const send = async (): Promise<Response> => {
    const headers = new Headers({ accept: 'application/json' });
    if (body !== undefined) headers.set('content-type', 'application/json');
    if (isMutation) headers.set(CSRF_HEADER, await ensureCsrfToken());
    return fetchOrThrow(url, {
      method: contract.method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  };

  let response = await send();
  if (isMutation && response.status === 403) {
    const error = ApiError.fromResponse(403, await readJson(response), response.headers);
    if (error.code !== 'CSRF_FAILED') throw error;
    // The token rotates with the login session: fetch a fresh one and try once more.
    forgetCsrfToken();
    response = await send();
  }
  const json = await readJson(response);
  if (!response.ok) throw ApiError.fromResponse(response.status, json, response.headers);

  const parsed = contract.response.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      code: 'INTERNAL',
      message: `Unexpected answer from ${contract.method} ${contract.path}`,
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? '',
      cause: parsed.error,
    });
  }
  // The schema is the contract's own response schema, so its output is RouteOutput<C>.
  return parsed.data as RouteOutput<C>;
}

let csrfToken: string | null = null;

/** Forgets the token after the server refused it (it rotates with the login session). */
export function forgetCsrfToken(): void {
  csrfToken = null;
  document.cookie = `${CSRF_COOKIE}=; Max-Age=0; path=/`;
}

/** The CSRF token mutations must send; fetched once per login session. */
export async function ensureCsrfToken(): Promise<string> {
  const fromCookie = readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  if (csrfToken) return csrfToken;
  const { token } = await callApi(getCsrfToken);
  csrfToken = readCookie(CSRF_COOKIE) ?? token;
  return csrfToken;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

async function fetchOrThrow(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    throw ApiError.network(cause);
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

interface RawInput {
  params: Record<string, string | number>;
  query: Record<string, unknown>;
  body: unknown;
}

export function readInput(input: unknown): RawInput {
  if (!isRecord(input)) return { params: {}, query: {}, body: undefined };
  const params: Record<string, string | number> = {};
  if (isRecord(input.params)) {
    for (const [key, value] of Object.entries(input.params)) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    }
  }
  return { params, query: isRecord(input.query) ? input.query : {}, body: input.body };
}

export function toQueryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
        search.append(key, String(item));
      }
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
