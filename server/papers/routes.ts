import type { FastifyInstance } from 'fastify';
import { getExamPaper, saveExamPaper } from '../../shared/api/papers.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { AttemptRepo } from '../written-exam/attempt-repo.js';
import { PaperRepo } from './repo.js';
import { PaperService } from './service.js';

/** 试卷 for admins: an exam's formal and mock papers (issue 14 §2). */
export function registerPaperRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const service = new PaperService(new PaperRepo(deps.db), new AttemptRepo(deps.db), deps.audit);
  registerRoute(app, getExamPaper, async ({ auth, params }) => ({
    paper: await service.get(auth.user, params.examId, params.kind),
  }));
  registerRoute(app, saveExamPaper, async ({ auth, params, body, request }) => ({
    paper: await service.save(
      { user: auth.user, ip: request.ip },
      params.examId,
      params.kind,
      body,
    ),
  }));
}
