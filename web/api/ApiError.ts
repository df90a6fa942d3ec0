import { errorBodySchema, type ErrorCode } from '../../shared/errors.js';

/** Every code the UI may have to explain: the server's codes plus a failed connection. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export interface ApiErrorIssue {
  path: string;
  message: string;
}

interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  status: number;
  requestId?: string;
  issues?: ApiErrorIssue[];
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** A failed API call, carrying the server's error body (or NETWORK when no answer came). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly requestId: string;
  readonly issues: readonly ApiErrorIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? '';
    this.issues = init.issues ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The request never got an answer (offline, DNS, server down, CORS). */
  static network(cause: unknown): ApiError {
    return new ApiError({ code: 'NETWORK', message: 'Network request failed', status: 0, cause });
  }

  /** Builds the error from a non-2xx answer; tolerates bodies that are not ours (a proxy's 502). */
  static fromResponse(status: number, body: unknown, headers: Headers): ApiError {
    const parsed = errorBodySchema.safeParse(body);
    const retryAfterHeader = Number(headers.get('retry-after'));
    const retryAfterFromHeader =
      Number.isFinite(retryAfterHeader) && retryAfterHeader > 0 ? retryAfterHeader : undefined;
    if (parsed.success) {
      const { error } = parsed.data;
      return new ApiError({
        ...error,
        status,
        retryAfterSeconds: error.retryAfterSeconds ?? retryAfterFromHeader,
      });
    }
    return new ApiError({
      code: codeForStatus(status),
      message: `HTTP ${status}`,
      status,
      requestId: headers.get('x-request-id') ?? '',
      retryAfterSeconds: retryAfterFromHeader,
    });
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  return 'INTERNAL';
}
