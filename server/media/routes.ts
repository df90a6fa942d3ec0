import type { FastifyInstance } from 'fastify';
import { getIceServers, getMediaBudget, type MediaBudget } from '../../shared/api/media.js';
import { PHONE_COOKIE } from '../../shared/api/phone.js';
import { sha256Hex } from '../auth/tokens.js';
import { AppError } from '../errors/app-error.js';
import { PhoneRepo } from '../phone/repo.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { iceServersFor, type IceConfig } from './ice-servers.js';

/**
 * The media routes (docs/design.md "Media"): the STUN/TURN servers for WebRTC and the caps of
 * each sender. Both a logged-in user and the paired phone (no login, its httpOnly device cookie)
 * need them, so the routes are public in their contract and check either here. The credentials
 * are never logged (only the body has them).
 */
export function registerMediaRoutes(
  app: FastifyInstance,
  deps: Pick<RouteDeps, 'db' | 'clock'>,
  config: { ice: IceConfig; budget: MediaBudget },
): void {
  const phones = new PhoneRepo(deps.db);

  /** The user, or `phone-<pairing>` for a paired phone; refuses anyone else. */
  const callerOf = async (
    auth: { user: { id: string } } | null,
    deviceSecret: string | undefined,
  ): Promise<string> => {
    if (auth) return auth.user.id;
    const paired = deviceSecret ? await phones.pairedByDeviceHash(sha256Hex(deviceSecret)) : null;
    // The TURN username names the phone, so coturn's logs tell it from the candidate's PC.
    if (paired) return `phone-${paired.pairingId}`;
    throw AppError.unauthenticated();
  };

  registerRoute(app, getIceServers, async ({ auth, request, reply }) => {
    const userId = await callerOf(auth, request.cookies[PHONE_COOKIE]);
    // Credentials are per caller and short-lived: no cache may keep or share them.
    void reply.header('cache-control', 'no-store');
    return iceServersFor(config.ice, userId, deps.clock.now());
  });

  registerRoute(app, getMediaBudget, async ({ auth, request }) => {
    await callerOf(auth, request.cookies[PHONE_COOKIE]);
    return config.budget;
  });
}
