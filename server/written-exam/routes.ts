import type { FastifyInstance } from 'fastify';
import * as contracts from '../../shared/api/written-exam.js';
import { CheckInRepo } from '../check-in/repo.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { AnswerStore } from './answer-store.js';
import { AttemptRepo } from './attempt-repo.js';
import { AttemptService } from './attempt-service.js';

/** The candidate's written exam: the attempt, its autosave and 交卷 (issue 14). */
export function registerWrittenExamRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const service = new AttemptService(
    new AttemptRepo(deps.db),
    new CheckInRepo(deps.db),
    new AnswerStore(deps.db),
    deps,
  );
  registerRoute(app, contracts.getMyAttempt, ({ auth, params }) =>
    service.mine(auth.user, params.registrationId),
  );
  registerRoute(app, contracts.startMyAttempt, ({ auth, params, request }) =>
    service.start({ user: auth.user, ip: request.ip }, params.registrationId),
  );
  registerRoute(app, contracts.saveMyAnswer, ({ auth, params, body }) =>
    service.save(auth.user, params.registrationId, params.paperQuestionId, body),
  );
  registerRoute(app, contracts.submitMyAttempt, ({ auth, params, request }) =>
    service.submit({ user: auth.user, ip: request.ip }, params.registrationId),
  );
}
