import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as contracts from '../../shared/api/tickets.js';
import { AppError } from '../errors/app-error.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { TicketsRepo } from './repo.js';
import { TicketsService } from './service.js';

/** 准考证, the candidate's own photo on it, and 确认参加 / 确认放弃. */
export function registerTicketRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const service = new TicketsService(
    new TicketsRepo(deps.db),
    deps.audit,
    deps.clock,
    deps.storage,
  );

  registerRoute(app, contracts.getMyTicket, ({ auth, params }) =>
    service.ticket(auth.user, params.registrationId),
  );

  registerRoute(app, contracts.setMyAttendance, ({ auth, params, body, request }) =>
    service.setAttendance(
      { user: auth.user, ip: request.ip },
      params.registrationId,
      body.attendance,
    ),
  );

  // Binary answer, so not a JSON contract: the same access rule as `access: ['candidate']`
  // is checked here by hand, and the schema still documents the route in OpenAPI.
  app.get(
    contracts.MY_PHOTO_PATH,
    {
      schema: {
        summary: "The candidate's own reference photo for the ticket (image bytes; 404 if none)",
        tags: ['tickets'],
        params: contracts.registrationParamsSchema,
      },
      onRequest: (request, _reply, done) => {
        try {
          candidateOf(request);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    },
    async (request, reply) => {
      const { registrationId } = contracts.registrationParamsSchema.parse(request.params);
      const photo = await service.photo(candidateOf(request).user, registrationId);
      return reply
        .header('content-type', photo.mimeType)
        .header('cache-control', 'private, no-store')
        .send(photo.bytes);
    },
  );
}

function candidateOf(request: FastifyRequest) {
  const { auth } = request;
  if (!auth) throw AppError.unauthenticated();
  if (auth.user.mustChangePassword) throw AppError.of('PASSWORD_CHANGE_REQUIRED');
  if (auth.user.role !== 'candidate') throw AppError.forbidden();
  return auth;
}
