import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import * as contracts from '../../shared/api/documents.js';
import type { Role } from '../../shared/enums.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../errors/app-error.js';
import { registerRoute } from '../plugins/http-routes.js';
import { registerUploadRoute } from '../plugins/uploads.js';
import type { RouteDeps } from '../route-deps.js';
import { sendDocument, type DocumentDownload } from './download.js';
import { DocumentsRepo } from './repo.js';
import { ReviewService } from './review-service.js';
import { DocumentsService } from './service.js';

const CANDIDATE: readonly Role[] = ['candidate'];
const REVIEWERS: readonly Role[] = ['college_admin', 'school_admin'];

/** 身份认证: the candidate's documents and the admins' review queue. */
export function registerDocumentRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  limits: contracts.DocumentLimits,
): void {
  const repo = new DocumentsRepo(deps.db);
  const documents = new DocumentsService(
    repo,
    deps.db,
    deps.audit,
    deps.clock,
    deps.storage,
    limits,
  );
  const reviews = new ReviewService(repo, deps.audit, deps.clock, deps.storage);
  const actorOf = (auth: AuthContext, request: FastifyRequest) => ({
    user: auth.user,
    ip: request.ip,
  });

  registerRoute(app, contracts.getMyDocuments, ({ auth }) => documents.mine(auth.user));
  registerUploadRoute(app, contracts.uploadMyDocument, ({ auth, request, upload }) =>
    documents.upload(actorOf(auth, request), upload),
  );
  registerRoute(app, contracts.deleteMyDocument, ({ auth, request, params }) =>
    documents.remove(actorOf(auth, request), params.documentId),
  );
  registerRoute(app, contracts.submitMyDocuments, ({ auth, request }) =>
    documents.submit(actorOf(auth, request)),
  );

  registerRoute(app, contracts.listReviews, ({ auth, query }) => reviews.list(auth.user, query));
  registerRoute(app, contracts.getReview, ({ auth, params }) =>
    reviews.detail(auth.user, params.userId),
  );
  registerRoute(app, contracts.approveReview, ({ auth, request, params }) =>
    reviews.approve(actorOf(auth, request), params.userId),
  );
  registerRoute(app, contracts.rejectReview, ({ auth, request, params, body }) =>
    reviews.reject(actorOf(auth, request), params.userId, body),
  );

  registerDownload(app, {
    path: contracts.MY_DOCUMENT_FILE_PATH,
    summary: 'One of your own documents (bytes; 404 if not yours)',
    roles: CANDIDATE,
    params: contracts.documentParamsSchema,
    load: (auth, params) => documents.myFile(auth.user, params.documentId),
  });
  registerDownload(app, {
    path: contracts.REVIEW_DOCUMENT_FILE_PATH,
    summary: "A candidate's document for a reviewer (images and PDF inline, others attached)",
    roles: REVIEWERS,
    params: contracts.documentParamsSchema,
    load: (auth, params) => reviews.documentFile(auth.user, params.documentId),
  });
  registerDownload(app, {
    path: contracts.REVIEW_CANDIDATE_PHOTO_PATH,
    summary: "A candidate's reference photo for a reviewer (image bytes; 404 if none)",
    roles: REVIEWERS,
    params: contracts.reviewParamsSchema,
    load: (auth, params) => reviews.candidatePhoto(auth.user, params.userId),
  });
}

/**
 * A binary answer is not a JSON contract: the access rule a contract would state is checked here
 * by hand, and the schema still documents the route in OpenAPI.
 */
export function registerDownload<P extends z.ZodType>(
  app: FastifyInstance,
  route: {
    path: string;
    summary: string;
    /** The OpenAPI tag; `documents` when left out. */
    tags?: string[];
    roles: readonly Role[];
    params: P;
    load: (
      auth: AuthContext,
      params: z.infer<P>,
      request: FastifyRequest,
    ) => Promise<DocumentDownload>;
  },
): void {
  app.get(
    route.path,
    {
      schema: { summary: route.summary, tags: route.tags ?? ['documents'], params: route.params },
      onRequest: (request, _reply, done) => {
        try {
          authOf(request, route.roles);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    },
    async (request, reply) => {
      const params = route.params.parse(request.params);
      const file = await route.load(authOf(request, route.roles), params, request);
      return sendDocument(reply, file);
    },
  );
}

function authOf(request: FastifyRequest, roles: readonly Role[]): AuthContext {
  const { auth } = request;
  if (!auth) throw AppError.unauthenticated();
  if (auth.user.mustChangePassword) throw AppError.of('PASSWORD_CHANGE_REQUIRED');
  if (!roles.includes(auth.user.role)) throw AppError.forbidden();
  return auth;
}
