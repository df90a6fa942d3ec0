import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as contracts from '../../shared/api/phone.js';
import { PHONE_COOKIE } from '../../shared/api/phone.js';
import { FaceCheckService } from '../check-in/face-check-service.js';
import type { CheckInDeps } from '../check-in/routes.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { PhoneFaceChecks } from './face-check-port.js';
import { PhoneRepo } from './repo.js';
import { PhoneService } from './service.js';

/** A paired phone keeps its cookie for a day: longer than any exam, shorter than forever. */
const PHONE_COOKIE_MAX_AGE_SECONDS = 24 * 3600;

export interface PhoneRouteOptions {
  /** Secure cookies (config.cookieSecure); by default, when the request came over HTTPS. */
  cookieSecure?: boolean;
  /** The face check; the check-in's own (FaceCheckService over deps.faceMatcher) by default. */
  faceChecks?: PhoneFaceChecks;
}

/**
 * Pairing a phone as the second camera by a QR token, and the phone page's own API. The phone
 * routes are public (the phone has no login) but mutations still carry the CSRF header like the
 * login routes; the phone is recognised by its httpOnly device cookie.
 */
export function registerPhoneRoutes(
  app: FastifyInstance,
  deps: CheckInDeps,
  options: PhoneRouteOptions = {},
): void {
  const phones = new PhoneService(
    new PhoneRepo(deps.db),
    options.faceChecks ?? new FaceCheckService(deps),
    deps.audit,
    deps.clock,
    deps.changes,
  );
  const deviceSecretOf = (request: FastifyRequest) => request.cookies[PHONE_COOKIE];

  registerRoute(app, contracts.createPhonePairing, ({ auth, params }) =>
    phones.createPairing(auth.user, params.registrationId),
  );
  registerRoute(app, contracts.claimPhonePairing, async ({ body, request, reply }) => {
    const { session, deviceSecret } = await phones.claim(body.token, request.ip);
    setPhoneCookie(request, reply, deviceSecret, options.cookieSecure);
    return session;
  });
  registerRoute(app, contracts.getPhoneSession, ({ request }) =>
    phones.session(deviceSecretOf(request)),
  );
  registerRoute(app, contracts.submitPhoneFaceCheck, ({ body, request }) =>
    phones.submitFaceCheck(deviceSecretOf(request), body.image, request.ip),
  );
  registerRoute(app, contracts.startPhoneCamera, ({ request }) =>
    phones.start(deviceSecretOf(request)),
  );
}

function setPhoneCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  deviceSecret: string,
  secure: boolean | undefined,
): void {
  void reply.setCookie(PHONE_COOKIE, deviceSecret, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secure ?? request.protocol === 'https',
    maxAge: PHONE_COOKIE_MAX_AGE_SECONDS,
  });
}
