import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../plugins/error-handler.js';
import type { AuthService } from './service.js';
import { randomToken, safeEqual } from './tokens.js';

export const SESSION_COOKIE = 'invigil_sid';
export const CSRF_COOKIE = 'invigil_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SessionCookieOptions {
  secure: boolean;
  ttlHours: number;
}

/**
 * Loads the caller from the session cookie and enforces the double-submit CSRF token on every
 * mutation of the API: the token cookie is readable by our pages only (same origin), and must
 * come back in a header that a cross-site form cannot set.
 */
export function installSessions(
  app: FastifyInstance,
  auth: AuthService,
  cookies: SessionCookieOptions,
): void {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request, reply) => {
    request.auth = null;
    if (!request.url.startsWith('/api/')) return;
    ensureCsrfCookie(request, reply, cookies);
    if (MUTATIONS.has(request.method) && !hasValidCsrf(request)) {
      return sendError(request, reply, 'CSRF_FAILED');
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.auth = await auth.authenticate(token);
  });
}

function ensureCsrfCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  cookies: SessionCookieOptions,
): void {
  if (request.cookies[CSRF_COOKIE]) return;
  const token = randomToken(24);
  request.cookies[CSRF_COOKIE] = token;
  void reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    sameSite: 'strict',
    secure: cookies.secure,
    httpOnly: false,
  });
}

function hasValidCsrf(request: FastifyRequest): boolean {
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  return typeof cookie === 'string' && typeof header === 'string' && safeEqual(cookie, header);
}

export function csrfTokenOf(request: FastifyRequest): string {
  return request.cookies[CSRF_COOKIE] ?? '';
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  cookies: SessionCookieOptions,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookies.secure,
    maxAge: cookies.ttlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, cookies: SessionCookieOptions): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookies.secure,
  });
}
