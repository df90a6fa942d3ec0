import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as contracts from '../../shared/api/answer-files.js';
import { PHONE_COOKIE } from '../../shared/api/phone.js';
import { registerDownload } from '../documents/routes.js';
import { MarkingRepo } from '../marking/repo.js';
import { PhoneRepo } from '../phone/repo.js';
import { registerRoute } from '../plugins/http-routes.js';
import { registerUploadRoute } from '../plugins/uploads.js';
import type { RouteDeps } from '../route-deps.js';
import { AttemptRepo } from '../written-exam/attempt-repo.js';
import { DEFAULT_ANSWER_GRACE_SECONDS } from '../written-exam/attempt-service.js';
import { AnswerFileRepo } from './repo.js';
import { AnswerFileService } from './service.js';

/** 上传作答: answer photos from the PC and the paired phone, and their bytes for the markers. */
export function registerAnswerFileRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  graceSeconds = DEFAULT_ANSWER_GRACE_SECONDS,
): void {
  const files = new AnswerFileService(
    new AnswerFileRepo(deps.db),
    new AttemptRepo(deps.db),
    new PhoneRepo(deps.db),
    new MarkingRepo(deps.db),
    { ...deps, graceSeconds },
  );
  const deviceSecretOf = (request: FastifyRequest) => request.cookies[PHONE_COOKIE];

  registerRoute(app, contracts.listMyAnswerFiles, ({ auth, params }) =>
    files.mine(auth.user, params.registrationId),
  );
  registerUploadRoute(app, contracts.uploadMyAnswerFile, ({ auth, params, request, upload }) =>
    files.upload(
      { user: auth.user, ip: request.ip },
      params.registrationId,
      params.paperQuestionId,
      upload,
    ),
  );
  registerRoute(app, contracts.removeMyAnswerFile, ({ auth, params }) =>
    files.remove(auth.user, params.registrationId, params.answerFileId),
  );
  registerRoute(app, contracts.requestPhoneCapture, ({ auth, params, body }) =>
    files.requestCapture(auth.user, params.registrationId, body.paperQuestionId),
  );
  registerRoute(app, contracts.getPhoneCapture, ({ request }) =>
    files.phoneCapture(deviceSecretOf(request)),
  );
  registerUploadRoute(app, contracts.uploadPhoneCapture, ({ request, upload }) =>
    files.phoneUpload(deviceSecretOf(request), upload),
  );

  registerDownload(app, {
    path: contracts.MY_ANSWER_FILE_PATH,
    summary: 'One of your own answer photos (bytes; 404 if not yours)',
    tags: ['answer-files'],
    roles: contracts.myAnswerFileContent.access,
    params: contracts.answerFileParamsSchema,
    load: (auth, params) => files.myContent(auth.user, params.registrationId, params.answerFileId),
  });
  registerDownload(app, {
    path: contracts.STAFF_ANSWER_FILE_PATH,
    summary: "A candidate's answer photo for staff who may mark the exam (audited)",
    tags: ['answer-files'],
    roles: contracts.staffAnswerFileContent.access,
    params: contracts.staffAnswerFileParamsSchema,
    load: (auth, params, request) =>
      files.staffContent({ user: auth.user, ip: request.ip }, params.answerFileId),
  });
}
