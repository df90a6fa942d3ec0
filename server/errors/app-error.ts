import { ERRORS, type ErrorCode } from '../../shared/errors.js';

/** An error the client may see: a stable code, its HTTP status and optional details. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly options: {
      retryAfterSeconds?: number;
      detail?: string;
      /** Shown to the client: which part was wrong and why (a row, a file, a limit). */
      issues?: { path: string; message: string }[];
    } = {},
  ) {
    super(options.detail ?? ERRORS[code].en);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }

  static of(code: ErrorCode, detail?: string): AppError {
    return new AppError(code, detail === undefined ? {} : { detail });
  }
  static unauthenticated(): AppError {
    return new AppError('UNAUTHENTICATED');
  }
  static forbidden(detail?: string): AppError {
    return AppError.of('FORBIDDEN', detail);
  }
  static notFound(what: string): AppError {
    return AppError.of('NOT_FOUND', `${what} not found`);
  }
  static withIssues(code: ErrorCode, issues: { path: string; message: string }[]): AppError {
    return new AppError(code, { issues });
  }
  static retryLater(code: ErrorCode, retryAfterSeconds: number): AppError {
    return new AppError(code, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
  }
}
