import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as contracts from '../../shared/api/question-images.js';
import type { DownloadContract } from '../../shared/api/contract.js';
import type { AuthContext } from '../auth/auth-context.js';
import { sendDocument, type DocumentDownload } from '../documents/download.js';
import { AppError } from '../errors/app-error.js';
import { registerUploadRoute } from '../plugins/uploads.js';
import type { QuestionImageService } from './image-service.js';

/** Pictures in questions: the editor's upload, and the bytes for staff and for candidates. */
export function registerQuestionImageRoutes(
  app: FastifyInstance,
  images: QuestionImageService,
): void {
  registerUploadRoute(app, contracts.uploadQuestionImage, ({ auth, request, upload }) =>
    images.upload({ user: auth.user, ip: request.ip }, upload),
  );
  registerImageDownload(
    app,
    contracts.bankImageFile,
    'A picture of the question bank, for staff whose bank or exam papers show it',
    (auth, imageId) => images.staffFile(auth.user, imageId),
  );
  registerImageDownload(
    app,
    contracts.myQuestionImageFile,
    'A picture of a question of your own attempt or mock attempt (404 otherwise)',
    (auth, imageId) => images.candidateFile(auth.user, imageId),
  );
}

/** A download is not a JSON contract: its access rule is checked here by hand, before the body. */
function registerImageDownload(
  app: FastifyInstance,
  contract: DownloadContract,
  summary: string,
  load: (auth: AuthContext, imageId: string) => Promise<DocumentDownload>,
): void {
  app.get(
    contract.path,
    {
      schema: { summary, tags: ['question-bank'], params: contract.params },
      onRequest: (request, _reply, done) => {
        try {
          authOf(request, contract);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    },
    async (request, reply) => {
      const { imageId } = contracts.questionImageParamsSchema.parse(request.params);
      const file = await load(authOf(request, contract), imageId.toLowerCase());
      return sendDocument(reply, file);
    },
  );
}

function authOf(request: FastifyRequest, contract: DownloadContract): AuthContext {
  const { auth } = request;
  if (!auth) throw AppError.unauthenticated();
  if (auth.user.mustChangePassword) throw AppError.of('PASSWORD_CHANGE_REQUIRED');
  const { access } = contract;
  if (typeof access !== 'string' && !access.includes(auth.user.role)) throw AppError.forbidden();
  return auth;
}
