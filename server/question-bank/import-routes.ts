import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as contracts from '../../shared/api/question-import.js';
import { AppError } from '../errors/app-error.js';
import { registerUploadRoute } from '../plugins/uploads.js';
import type { QuestionImageService } from '../question-content/image-service.js';
import type { RouteDeps } from '../route-deps.js';
import { QuestionImportService, questionFileLimit } from './import-service.js';
import { bankScopeOf } from './policy.js';
import type { QuestionBankRepo } from './repo.js';
import { buildQuestionExport, buildQuestionTemplate } from './template.js';

const BANK_ADMIN_ROLES: readonly string[] = ['school_admin', 'college_admin'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The access rule of the binary routes, which are not JSON contracts. */
function bankAdminOf(request: FastifyRequest) {
  const { auth } = request;
  if (!auth) throw AppError.unauthenticated();
  if (auth.user.mustChangePassword) throw AppError.of('PASSWORD_CHANGE_REQUIRED');
  if (!BANK_ADMIN_ROLES.includes(auth.user.role)) throw AppError.forbidden();
  return auth;
}

function sendXlsx(reply: FastifyReply, bytes: Buffer, fileName: string, asciiName: string) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('cache-control', 'private, no-store')
    .send(bytes);
}

const checkAccess = (
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
) => {
  try {
    bankScopeOf(bankAdminOf(request).user);
    done();
  } catch (error) {
    done(error as Error);
  }
};

/** Import (XLSX, Word or GIFT, check then import), the template and the export of the bank. */
export function registerQuestionImportRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  repo: QuestionBankRepo,
  images: QuestionImageService,
): void {
  const imports = new QuestionImportService(repo, deps.audit, deps.clock, images);

  registerUploadRoute(
    app,
    contracts.importBankQuestions,
    async ({ auth, query, upload, request }) => {
      bankScopeOf(auth.user);
      const bytes = await upload.read(questionFileLimit(contracts.QUESTION_IMPORT_MAX_BYTES));
      return imports.importFile({ user: auth.user, ip: request.ip }, query.mode, bytes);
    },
  );

  app.get(
    contracts.QUESTION_TEMPLATE_PATH,
    {
      schema: { summary: 'The question bank’s XLSX template', tags: ['question-bank'] },
      onRequest: checkAccess,
    },
    async (_request, reply) =>
      sendXlsx(reply, await buildQuestionTemplate(), '题库导入模板.xlsx', 'question-template.xlsx'),
  );

  app.get(
    contracts.QUESTION_EXPORT_PATH,
    {
      schema: {
        summary: 'The bank in reach as XLSX, in the template’s columns',
        tags: ['question-bank'],
        querystring: contracts.questionExportQuerySchema,
      },
      onRequest: checkAccess,
    },
    async (request, reply) => {
      const filter = contracts.questionExportQuerySchema.parse(request.query);
      const scope = bankScopeOf(bankAdminOf(request).user);
      const questions = await repo.allQuestions(scope, filter);
      const used = new Set(questions.flatMap((question) => question.passageId ?? []));
      const passages = (await repo.listPassages(scope)).filter((passage) => used.has(passage.id));
      const bytes = await buildQuestionExport(questions, passages);
      return sendXlsx(reply, bytes, '题库导出.xlsx', 'question-bank.xlsx');
    },
  );
}
