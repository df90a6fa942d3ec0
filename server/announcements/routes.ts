import type { FastifyInstance } from 'fastify';
import * as contracts from '../../shared/api/announcements.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { AnnouncementsRepo } from './repo.js';
import { AnnouncementsService } from './service.js';

/** School and college announcements: the admin console and the candidate's home. */
export function registerAnnouncementRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const service = new AnnouncementsService(new AnnouncementsRepo(deps.db), deps.audit, deps.clock);

  registerRoute(app, contracts.listAdminAnnouncements, ({ auth }) =>
    service.listForAdmin(auth.user),
  );

  registerRoute(app, contracts.createAnnouncement, ({ auth, body, request }) =>
    service.create({ user: auth.user, ip: request.ip }, body),
  );

  registerRoute(app, contracts.updateAnnouncement, ({ auth, params, body, request }) =>
    service.update({ user: auth.user, ip: request.ip }, params.announcementId, body),
  );

  registerRoute(app, contracts.setAnnouncementPublished, ({ auth, params, body, request }) =>
    service.setPublished(
      { user: auth.user, ip: request.ip },
      params.announcementId,
      body.published,
    ),
  );

  registerRoute(app, contracts.deleteAnnouncement, async ({ auth, params, request }) => {
    await service.remove({ user: auth.user, ip: request.ip }, params.announcementId);
    return { ok: true as const };
  });

  registerRoute(app, contracts.listMyAnnouncements, ({ auth }) =>
    service.listForCandidate(auth.user),
  );
}
