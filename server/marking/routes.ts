import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as contracts from '../../shared/api/marking.js';
import type { AuthContext } from '../auth/auth-context.js';
import { sendDocument } from '../documents/download.js';
import { AppError } from '../errors/app-error.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { MarkingService } from './marking-service.js';
import { MarkingRepo } from './repo.js';
import { WrittenResultsService } from './results-service.js';

const EXAM_ADMIN_ROLES: readonly string[] = ['school_admin', 'college_admin'];

/** 阅卷 and 成绩 of written exams: marking (admins, 阅卷人), results, export, publishing, the candidate's result. */
export function registerMarkingRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const repo = new MarkingRepo(deps.db);
  const marking = new MarkingService(repo, deps.audit, deps.clock);
  const results = new WrittenResultsService(repo, deps.audit, deps.clock);
  const actorOf = (auth: AuthContext, request: FastifyRequest) => ({
    user: auth.user,
    ip: request.ip,
  });

  registerRoute(app, contracts.getMarkingOverview, ({ auth, params }) =>
    marking.overview(auth.user, params.examId, 'admin'),
  );
  registerRoute(app, contracts.getMarkingQuestion, ({ auth, params }) =>
    marking.question(auth.user, params.examId, params.paperQuestionId, 'admin'),
  );
  registerRoute(app, contracts.putMark, ({ auth, request, params, body }) =>
    marking.mark(actorOf(auth, request), params, body, 'admin'),
  );
  registerRoute(app, contracts.listMarkerExams, async ({ auth }) => ({
    items: await marking.markerExams(auth.user),
  }));
  registerRoute(app, contracts.getMarkerOverview, ({ auth, params }) =>
    marking.overview(auth.user, params.examId, 'marker'),
  );
  registerRoute(app, contracts.getMarkerQuestion, ({ auth, params }) =>
    marking.question(auth.user, params.examId, params.paperQuestionId, 'marker'),
  );
  registerRoute(app, contracts.putMarkerMark, ({ auth, request, params, body }) =>
    marking.mark(actorOf(auth, request), params, body, 'marker'),
  );
  registerRoute(app, contracts.getWrittenResults, ({ auth, params }) =>
    results.results(auth.user, params.examId),
  );
  registerRoute(app, contracts.publishWrittenResults, ({ auth, request, params }) =>
    results.publish(actorOf(auth, request), params.examId),
  );
  registerRoute(app, contracts.getMyWrittenResult, ({ auth, params }) =>
    results.mine(auth.user, params.registrationId),
  );

  // Binary answer, so not a JSON contract: the access rule is checked here by hand.
  app.get(
    contracts.WRITTEN_RESULTS_XLSX_PATH,
    {
      schema: {
        summary: 'The written exam’s results and question statistics as XLSX',
        tags: ['marking'],
        params: contracts.writtenResultsParamsSchema,
      },
      onRequest: (request, _reply, done) => {
        try {
          examAdminOf(request);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    },
    async (request, reply) => {
      const { examId } = contracts.writtenResultsParamsSchema.parse(request.params);
      const file = await results.resultsXlsx(examAdminOf(request).user, examId);
      return sendDocument(reply, file);
    },
  );
}

function examAdminOf(request: FastifyRequest): AuthContext {
  const { auth } = request;
  if (!auth) throw AppError.unauthenticated();
  if (auth.user.mustChangePassword) throw AppError.of('PASSWORD_CHANGE_REQUIRED');
  if (!EXAM_ADMIN_ROLES.includes(auth.user.role)) throw AppError.forbidden();
  return auth;
}
