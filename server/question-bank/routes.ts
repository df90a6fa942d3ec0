import type { FastifyInstance } from 'fastify';
import * as contracts from '../../shared/api/question-bank.js';
import type { Actor } from '../audit/audit-log.js';
import type { AuthContext } from '../auth/auth-context.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { QuestionImageRepo } from '../question-content/image-repo.js';
import { registerQuestionImageRoutes } from '../question-content/image-routes.js';
import { QuestionImageService } from '../question-content/image-service.js';
import { registerQuestionImportRoutes } from './import-routes.js';
import { QuestionBankRepo } from './repo.js';
import { QuestionBankService } from './service.js';

const actorOf = (auth: AuthContext, ip: string): Actor => ({ user: auth.user, ip });

/** The question bank (题库): questions, reading passages, import, template and export. */
export function registerQuestionBankRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const repo = new QuestionBankRepo(deps.db);
  const images = new QuestionImageService(new QuestionImageRepo(deps.db), deps.db, deps.storage);
  const bank = new QuestionBankService(repo, deps.audit, deps.clock, images);

  registerRoute(app, contracts.listBankQuestions, ({ auth, query }) => bank.list(auth.user, query));
  registerRoute(app, contracts.getBankQuestion, ({ auth, params }) =>
    bank.get(auth.user, params.questionId),
  );
  registerRoute(app, contracts.createBankQuestion, ({ auth, body, request }) =>
    bank.create(actorOf(auth, request.ip), body),
  );
  registerRoute(app, contracts.updateBankQuestion, ({ auth, params, body, request }) =>
    bank.update(actorOf(auth, request.ip), params.questionId, body),
  );
  registerRoute(app, contracts.deleteBankQuestion, async ({ auth, params, request }) => {
    await bank.remove(actorOf(auth, request.ip), params.questionId);
    return { ok: true as const };
  });
  registerRoute(app, contracts.listBankPassages, ({ auth }) => bank.passages(auth.user));
  registerRoute(app, contracts.createBankPassage, ({ auth, body, request }) =>
    bank.createPassage(actorOf(auth, request.ip), body),
  );
  registerRoute(app, contracts.updateBankPassage, ({ auth, params, body, request }) =>
    bank.updatePassage(actorOf(auth, request.ip), params.passageId, body),
  );
  registerQuestionImportRoutes(app, deps, repo, images);
  registerQuestionImageRoutes(app, images);
}
