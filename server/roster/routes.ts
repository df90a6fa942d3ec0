import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as contracts from '../../shared/api/roster.js';
import { AppError } from '../errors/app-error.js';
import { registerRoute } from '../plugins/http-routes.js';
import { registerUploadRoute } from '../plugins/uploads.js';
import type { RouteDeps } from '../route-deps.js';
import { RosterImportService } from './import-service.js';
import { rosterFileLimit } from './parse-roster.js';
import { RosterPhotosService } from './photos.js';
import { RosterRepo, SessionRosterRepo } from './repo.js';
import { SessionRosterService } from './session-roster.js';
import { attachmentDisposition, buildRosterTemplate } from './template.js';

const ROSTER_ADMIN_ROLES: readonly string[] = ['school_admin', 'college_admin'];

/** Roster import (XLSX/CSV), reference photos (zip or one by one), the template, session rosters. */
export function registerRosterRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const repo = new RosterRepo(deps.db);
  const imports = new RosterImportService(repo, deps.audit, deps.clock);
  const photos = new RosterPhotosService(deps.db, deps.storage, repo, deps.audit, deps.clock);
  const sessionRosters = new SessionRosterService(new SessionRosterRepo(deps.db));

  registerUploadRoute(
    app,
    contracts.importRoster,
    async ({ auth, params, query, upload, request }) => {
      await imports.managedExam(auth.user, params.examId);
      const bytes = await upload.read(rosterFileLimit(contracts.ROSTER_MAX_FILE_BYTES));
      return imports.importFile(
        { user: auth.user, ip: request.ip },
        params.examId,
        query.mode,
        bytes,
      );
    },
  );

  registerUploadRoute(
    app,
    contracts.importRosterPhotos,
    async ({ auth, params, upload, request }) => {
      await imports.managedExam(auth.user, params.examId);
      const bytes = await upload.read(contracts.ROSTER_PHOTOS_MAX_ZIP_BYTES);
      return photos.importPhotos({ user: auth.user, ip: request.ip }, params.examId, bytes);
    },
  );

  registerUploadRoute(
    app,
    contracts.setRegistrationPhoto,
    async ({ auth, params, upload, request }) => {
      const target = await photos.photoTarget(auth.user, params.registrationId);
      const bytes = await upload.read(contracts.ROSTER_PHOTO_MAX_BYTES);
      return photos.setPhoto({ user: auth.user, ip: request.ip }, target, bytes);
    },
  );

  registerRoute(app, contracts.getSessionRoster, ({ auth, params }) =>
    sessionRosters.roster(auth.user, params.sessionId),
  );

  // Binary answer, so not a JSON contract: the access rule is checked here by hand.
  app.get(
    contracts.ROSTER_TEMPLATE_PATH,
    {
      schema: {
        summary: 'The roster template to fill in (XLSX or CSV) with the exam’s session names',
        tags: ['roster'],
        params: contracts.examRosterParamsSchema,
        querystring: contracts.rosterTemplateQuerySchema,
      },
      onRequest: (request, _reply, done) => {
        try {
          rosterAdminOf(request);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    },
    async (request, reply) => {
      const { examId } = contracts.examRosterParamsSchema.parse(request.params);
      const { format } = contracts.rosterTemplateQuerySchema.parse(request.query);
      const exam = await imports.managedExam(rosterAdminOf(request).user, examId);
      const sessions = await repo.sessionsOf(exam.id);
      const template = await buildRosterTemplate(
        exam,
        sessions.map((session) => session.name),
        format,
      );
      return reply
        .header('content-type', template.contentType)
        .header('content-disposition', attachmentDisposition(template))
        .header('cache-control', 'private, no-store')
        .send(template.bytes);
    },
  );
}

function rosterAdminOf(request: FastifyRequest) {
  const { auth } = request;
  if (!auth) throw AppError.unauthenticated();
  if (auth.user.mustChangePassword) throw AppError.of('PASSWORD_CHANGE_REQUIRED');
  if (!ROSTER_ADMIN_ROLES.includes(auth.user.role)) throw AppError.forbidden();
  return auth;
}
