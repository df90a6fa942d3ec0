import type { FastifyInstance } from 'fastify';
import * as api from '../../shared/api/exam-admin.js';
import type { AuthContext } from '../auth/auth-context.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { ExamAdminRepo } from './admin-repo.js';
import { ExamAdminService, type Actor } from './admin-service.js';

/** Exams, sessions and staff assignments (admin console). */
export function registerExamAdminRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const service = new ExamAdminService(new ExamAdminRepo(deps.db), deps.clock, deps.audit);
  const actor = (auth: AuthContext, ip: string): Actor => ({ user: auth.user, ip });

  registerRoute(app, api.listAdminExams, ({ auth, request }) =>
    service.listExams(actor(auth, request.ip)),
  );
  registerRoute(app, api.getAdminExam, ({ auth, request, params }) =>
    service.getExam(actor(auth, request.ip), params.examId),
  );
  registerRoute(app, api.createExam, ({ auth, request, body }) =>
    service.createExam(actor(auth, request.ip), body),
  );
  registerRoute(app, api.updateExam, ({ auth, request, params, body }) =>
    service.updateExam(actor(auth, request.ip), params.examId, body),
  );
  registerRoute(app, api.deleteExam, ({ auth, request, params }) =>
    service.deleteExam(actor(auth, request.ip), params.examId),
  );

  registerRoute(app, api.listExamSessions, ({ auth, request, params }) =>
    service.listSessions(actor(auth, request.ip), params.examId),
  );
  registerRoute(app, api.createSession, ({ auth, request, params, body }) =>
    service.createSession(actor(auth, request.ip), params.examId, body),
  );
  registerRoute(app, api.updateSession, ({ auth, request, params, body }) =>
    service.updateSession(actor(auth, request.ip), params.sessionId, body),
  );
  registerRoute(app, api.deleteSession, ({ auth, request, params }) =>
    service.deleteSession(actor(auth, request.ip), params.sessionId),
  );

  registerRoute(app, api.getSessionStaff, ({ auth, request, params }) =>
    service.getStaff(actor(auth, request.ip), params.sessionId),
  );
  registerRoute(app, api.setSessionStaff, ({ auth, request, params, body }) =>
    service.setStaff(actor(auth, request.ip), params.sessionId, body),
  );
}
