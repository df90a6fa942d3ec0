import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as contracts from '../../shared/api/scoring.js';
import type { AuthContext } from '../auth/auth-context.js';
import { sendDocument } from '../documents/download.js';
import { AppError } from '../errors/app-error.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { ScoringAdminService } from './admin-service.js';
import { PanelScoringService } from './panel-service.js';
import { SessionRosterRepo } from '../roster/repo.js';
import { ScoringRepo } from './repo.js';

const EXAM_ADMIN_ROLES: readonly string[] = ['school_admin', 'college_admin'];

/** 评分: the admins' scoring form and results, the panel's scores, the candidate's result. */
export function registerScoringRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const repo = new ScoringRepo(deps.db);
  const admin = new ScoringAdminService(repo, deps.audit, deps.clock);
  const panel = new PanelScoringService(
    repo,
    new SessionRosterRepo(deps.db),
    deps.audit,
    deps.clock,
  );
  const actorOf = (auth: AuthContext, request: FastifyRequest) => ({
    user: auth.user,
    ip: request.ip,
  });

  registerRoute(app, contracts.getScoringForm, ({ auth, params }) =>
    admin.form(auth.user, params.examId),
  );
  registerRoute(app, contracts.putScoringForm, ({ auth, request, params, body }) =>
    admin.saveForm(actorOf(auth, request), params.examId, body),
  );
  registerRoute(app, contracts.getExamResults, ({ auth, params }) =>
    admin.results(auth.user, params.examId),
  );
  registerRoute(app, contracts.publishResults, ({ auth, request, params }) =>
    admin.publish(actorOf(auth, request), params.examId),
  );
  registerRoute(app, contracts.getMyResults, ({ auth }) => admin.myResults(auth.user));

  registerRoute(app, contracts.getSessionScores, ({ auth, params }) =>
    panel.sessionScores(auth.user, params.sessionId),
  );
  registerRoute(app, contracts.putMyScore, ({ auth, request, params, body }) =>
    panel.saveMyScore(actorOf(auth, request), params.registrationId, body),
  );
  registerRoute(app, contracts.getRegistrationScores, ({ auth, params }) =>
    panel.registrationScores(auth.user, params.registrationId),
  );
  registerRoute(app, contracts.confirmScores, ({ auth, request, params }) =>
    panel.confirm(actorOf(auth, request), params.registrationId),
  );

  // Binary answer, so not a JSON contract: the access rule is checked here by hand.
  app.get(
    contracts.EXAM_RESULTS_XLSX_PATH,
    {
      schema: {
        summary: 'The exam’s results as XLSX (each examiner’s total, the aggregate, confirmed)',
        tags: ['scoring'],
        params: contracts.examResultsParamsSchema,
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
      const { examId } = contracts.examResultsParamsSchema.parse(request.params);
      const file = await admin.resultsXlsx(examAdminOf(request).user, examId);
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
