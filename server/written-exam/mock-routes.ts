import type { FastifyInstance } from 'fastify';
import * as contracts from '../../shared/api/mock-attempt.js';
import { CheckInRepo } from '../check-in/repo.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { AnswerStore } from './answer-store.js';
import type { AttemptRepo } from './attempt-repo.js';
import { MockAttemptRepo } from './mock-attempt-repo.js';
import { MockAttemptService } from './mock-attempt-service.js';

/** The mock exam's service over one database, sharing the formal attempts' repo. */
export function mockAttemptService(
  deps: Pick<RouteDeps, 'db' | 'clock' | 'audit'>,
  attempts: AttemptRepo,
  answerGraceSeconds: number,
): MockAttemptService {
  return new MockAttemptService(
    attempts,
    new MockAttemptRepo(deps.db),
    new CheckInRepo(deps.db),
    new AnswerStore(deps.db),
    { clock: deps.clock, audit: deps.audit, answerGraceSeconds },
  );
}

/** 模拟考试: the candidate's mock attempts (shared/api/mock-attempt.ts). */
export function registerMockAttemptRoutes(app: FastifyInstance, mocks: MockAttemptService): void {
  registerRoute(app, contracts.listMyMockAttempts, ({ auth, params }) =>
    mocks.list(auth.user, params.registrationId),
  );
  registerRoute(app, contracts.startMyMockAttempt, ({ auth, params, request }) =>
    mocks.start({ user: auth.user, ip: request.ip }, params.registrationId),
  );
  registerRoute(app, contracts.getMyMockAttempt, ({ auth, params }) =>
    mocks.get(auth.user, params.registrationId, params.attemptId),
  );
  registerRoute(app, contracts.saveMyMockAnswer, ({ auth, params, body }) =>
    mocks.save(auth.user, params, body),
  );
  registerRoute(app, contracts.submitMyMockAttempt, ({ auth, params, request }) =>
    mocks.submit({ user: auth.user, ip: request.ip }, params.registrationId, params.attemptId),
  );
}
