import type { FastifyInstance } from 'fastify';
import { getIceServers } from '../../shared/api/media.js';
import { PHONE_COOKIE } from '../../shared/api/phone.js';
import { sha256Hex } from '../auth/tokens.js';
import { AppError } from '../errors/app-error.js';
import { PhoneRepo } from '../phone/repo.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { iceServersFor, type IceConfig } from './ice-servers.js';

/**
 * The media routes: the STUN/TURN servers for WebRTC (docs/design.md "Media"). Both a logged-in user and
 * the paired phone (no login, its httpOnly device cookie) need them, so the route is public in
 * its contract and checks either here. The credentials are never logged (only the body has them).
 */
export function registerMediaRoutes(
  app: FastifyInstance,
  deps: Pick<RouteDeps, 'db' | 'clock'>,
  config: IceConfig,
): void {
  const phones = new PhoneRepo(deps.db);

  registerRoute(app, getIceServers, async ({ auth, request, reply }) => {
    let userId: string | null = auth?.user.id ?? null;
    if (!userId) {
      const deviceSecret = request.cookies[PHONE_COOKIE];
      const paired = deviceSecret ? await phones.pairedByDeviceHash(sha256Hex(deviceSecret)) : null;
      // The TURN username names the phone, so coturn's logs tell it from the candidate's PC.
      if (paired) userId = `phone-${paired.pairingId}`;
    }
    if (!userId) throw AppError.unauthenticated();
    // Credentials are per caller and short-lived: no cache may keep or share them.
    void reply.header('cache-control', 'no-store');
    return iceServersFor(config, userId, deps.clock.now());
  });
}
