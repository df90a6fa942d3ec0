import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { refusesUnstorableText } from '../../shared/api/storable-text.js';
import { ERRORS, type ErrorBody, type ErrorCode } from '../../shared/errors.js';
import { AppError } from '../errors/app-error.js';

/** The language of an error message: the user's choice, else the browser's, else Chinese. */
export function messageLanguage(request: FastifyRequest): 'zh' | 'en' {
  if (request.auth) return request.auth.user.locale === 'en' ? 'en' : 'zh';
  const header = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(header) ? 'en' : 'zh';
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: Pick<ErrorBody['error'], 'issues' | 'retryAfterSeconds'> = {},
): FastifyReply {
  const body: ErrorBody = {
    error: {
      code,
      message: ERRORS[code][messageLanguage(request)],
      requestId: request.id,
      ...extra,
    },
  };
  if (extra.retryAfterSeconds !== undefined) {
    void reply.header('retry-after', String(extra.retryAfterSeconds));
  }
  return reply.status(ERRORS[code].status).type('application/json').send(body);
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * Out of space below us: PostgreSQL's disk_full (53100) or a file write's ENOSPC, anywhere in the
 * cause chain (Drizzle wraps the driver's error).
 */
function isOutOfSpace(error: unknown): boolean {
  for (let at: unknown = error, depth = 0; at instanceof Error && depth < 5; depth++) {
    const code = 'code' in at ? at.code : undefined;
    if (code === '53100' || code === 'ENOSPC' || code === 'EDQUOT') return true;
    at = at.cause;
  }
  return false;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'statusCode' in error;
}

/**
 * The router's own refusals (a path with broken percent-encoding, a path parameter over
 * maxParamLength) happen before any hook or error handler: this gives them the one error body
 * too. Pass it as Fastify's `frameworkErrors` option.
 */
export function answerFrameworkError(
  _error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  void sendError(request, reply, 'BAD_REQUEST');
}

/** One error body everywhere (STYLE.md); anything unexpected is logged and masked. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof AppError) {
      const { retryAfterSeconds, issues } = error.options;
      return sendError(request, reply, error.code, {
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
        ...(issues === undefined ? {} : { issues }),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => ({
        path: [issue.instancePath.replace(/^\//, '').replaceAll('/', '.')]
          .filter(Boolean)
          .join('.'),
        message: issue.message ?? issue.keyword,
      }));
      const code = refusesUnstorableText(issues) ? 'TEXT_NOT_STORABLE' : 'VALIDATION_FAILED';
      return sendError(request, reply, code, { issues });
    }
    if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode < 500) {
      const code = STATUS_CODES[error.statusCode] ?? 'BAD_REQUEST';
      request.log.info({ err: { code: error.code, message: error.message } }, 'request rejected');
      return sendError(request, reply, code);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, isOutOfSpace(error) ? 'STORAGE_FULL' : 'INTERNAL');
  });
}
