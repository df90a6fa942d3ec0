import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as api from '../../shared/api/auth.js';
import { getLoginCaptcha } from '../../shared/api/captcha.js';
import { getCaptcha, lookupTicket } from '../../shared/api/ticket-lookup.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { CaptchaService } from './captcha.js';
import type { PasswordResetService } from './password-reset.js';
import type { AuthService, LoginResult, RequestMeta } from './service.js';
import {
  clearSessionCookie,
  csrfTokenOf,
  setSessionCookie,
  type SessionCookieOptions,
} from './session-plugin.js';
import { SMS_RULES } from './sms-codes.js';
import type { TicketLookupService } from './ticket-lookup.js';
import { TRUSTED_DEVICE_COOKIE, TRUSTED_DEVICE_DAYS } from './trusted-device.js';

export interface AuthRouteDeps {
  auth: AuthService;
  ticketLookup: TicketLookupService;
  passwordReset: PasswordResetService;
  captchas: CaptchaService;
}

function metaOf(request: FastifyRequest): RequestMeta {
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    trustedDevice: request.cookies[TRUSTED_DEVICE_COOKIE],
  };
}

/** Sets the session cookie, and after a password login the trusted-browser cookie. */
function completeLogin(reply: FastifyReply, result: LoginResult, cookies: SessionCookieOptions) {
  setSessionCookie(reply, result.token, cookies);
  if (result.trustedDevice) {
    void reply.setCookie(TRUSTED_DEVICE_COOKIE, result.trustedDevice, {
      path: '/api/auth/login',
      httpOnly: true,
      sameSite: 'strict',
      secure: cookies.secure,
      maxAge: TRUSTED_DEVICE_DAYS * 24 * 3600,
    });
  }
  return { user: result.user };
}

export function registerAuthRoutes(
  app: FastifyInstance,
  { auth, ticketLookup, passwordReset, captchas }: AuthRouteDeps,
  cookies: SessionCookieOptions,
  rateLimit: { max: number; timeWindow: number },
): void {
  const limited = { rateLimit };

  registerRoute(app, api.getCsrfToken, ({ request }) => ({ token: csrfTokenOf(request) }));

  registerRoute(
    app,
    api.sendSmsCode,
    async ({ body }) => {
      await auth.sendSmsCode(body.schoolSlug, body.phone, body.purpose, body.accountKind);
      return {
        resendAfterSeconds: SMS_RULES.resendAfterSeconds,
        expiresInSeconds: SMS_RULES.lifetimeSeconds,
      };
    },
    limited,
  );

  registerRoute(
    app,
    api.loginWithSms,
    async ({ body, request, reply }) =>
      completeLogin(reply, await auth.loginWithSms(body, metaOf(request)), cookies),
    limited,
  );

  registerRoute(
    app,
    api.loginWithIdNumber,
    async ({ body, request, reply }) =>
      completeLogin(reply, await auth.loginWithIdNumber(body, metaOf(request)), cookies),
    limited,
  );

  registerRoute(
    app,
    api.loginWithAdmission,
    async ({ body, request, reply }) =>
      completeLogin(reply, await auth.loginWithAdmission(body, metaOf(request)), cookies),
    limited,
  );

  registerRoute(
    app,
    api.loginAsStaff,
    async ({ body, request, reply }) =>
      completeLogin(reply, await auth.loginAsStaff(body, metaOf(request)), cookies),
    limited,
  );

  registerRoute(app, getCaptcha, ({ params }) => ticketLookup.issueCaptcha(params.slug), limited);

  registerRoute(app, getLoginCaptcha, () => captchas.issue(), limited);

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

  registerRoute(app, api.verifyPasswordReset, ({ body }) => passwordReset.verify(body), limited);

  registerRoute(
    app,
    api.resetPassword,
    async ({ body }) => {
      await passwordReset.reset(body);
      return { ok: true as const };
    },
    limited,
  );

  registerRoute(
    app,
    api.changePassword,
    async ({ body, auth: caller, request }) => ({
      user: await auth.changePassword(
        { userId: caller.user.id, sessionTokenHash: caller.sessionTokenHash, ip: request.ip },
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
