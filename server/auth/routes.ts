import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as api from '../../shared/api/auth.js';
import { getCaptcha, lookupTicket } from '../../shared/api/ticket-lookup.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { AuthService } from './service.js';
import {
  clearSessionCookie,
  csrfTokenOf,
  setSessionCookie,
  type SessionCookieOptions,
} from './session-plugin.js';
import type { TicketLookupService } from './ticket-lookup.js';

function metaOf(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

export function registerAuthRoutes(
  app: FastifyInstance,
  auth: AuthService,
  cookies: SessionCookieOptions,
  rateLimit: { max: number; timeWindow: number },
  ticketLookup: TicketLookupService,
): void {
  const limited = { rateLimit };

  registerRoute(app, api.getCsrfToken, ({ request }) => ({ token: csrfTokenOf(request) }));

  registerRoute(
    app,
    api.sendSmsCode,
    async ({ body }) => {
      await auth.sendSmsCode(body.schoolSlug, body.phone, body.purpose);
      return { resendAfterSeconds: 60, expiresInSeconds: 300 };
    },
    limited,
  );

  registerRoute(
    app,
    api.loginWithSms,
    async ({ body, request, reply }) => {
      const result = await auth.loginWithSms(body, metaOf(request));
      setSessionCookie(reply, result.token, cookies);
      return { user: result.user };
    },
    limited,
  );

  registerRoute(
    app,
    api.loginWithIdNumber,
    async ({ body, request, reply }) => {
      const result = await auth.loginWithIdNumber(body, metaOf(request));
      setSessionCookie(reply, result.token, cookies);
      return { user: result.user };
    },
    limited,
  );

  registerRoute(
    app,
    api.loginWithAdmission,
    async ({ body, request, reply }) => {
      const result = await auth.loginWithAdmission(body, metaOf(request));
      setSessionCookie(reply, result.token, cookies);
      return { user: result.user };
    },
    limited,
  );

  registerRoute(
    app,
    api.loginAsStaff,
    async ({ body, request, reply }) => {
      const result = await auth.loginAsStaff(body, metaOf(request));
      setSessionCookie(reply, result.token, cookies);
      return { user: result.user };
    },
    limited,
  );

  registerRoute(app, getCaptcha, ({ params }) => ticketLookup.issueCaptcha(params.slug), limited);

  registerRoute(
    app,
    lookupTicket,
    async ({ body, request, reply }) => {
      const result = await ticketLookup.lookup(body, metaOf(request));
      setSessionCookie(reply, result.token, cookies);
      return { user: result.user, registrations: result.registrations };
    },
    limited,
  );

  registerRoute(
    app,
    api.resetPassword,
    async ({ body }) => {
      await auth.resetPassword(body);
      return { ok: true as const };
    },
    limited,
  );

  registerRoute(
    app,
    api.changePassword,
    async ({ body, auth: caller }) => ({
      user: await auth.changePassword(
        { userId: caller.user.id, sessionTokenHash: caller.sessionTokenHash },
        body,
      ),
    }),
    limited,
  );

  registerRoute(app, api.logout, async ({ auth: caller, reply }) => {
    if (caller) await auth.logout(caller.sessionTokenHash);
    clearSessionCookie(reply, cookies);
    return { ok: true as const };
  });

  registerRoute(app, api.getCurrentUser, ({ auth: caller }) => ({ user: caller.user }));

  registerRoute(app, api.setLocale, async ({ body, auth: caller }) => ({
    user: await auth.setLocale(caller.user, body.locale),
  }));
}
