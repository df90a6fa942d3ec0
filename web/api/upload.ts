import { buildPath, type RouteContract, type RouteOutput } from '../../shared/api/contract.js';
import { ApiError } from './ApiError.js';
import {
  ensureCsrfToken,
  forgetCsrfToken,
  readInput,
  toQueryString,
  type ApiInput,
} from './client.js';

export interface UploadOptions {
  /** Called with the fraction sent, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

interface RawAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * Sends one file to an upload route (`upload: true`) as the raw request body, reporting
 * progress; resolves with the route's validated answer or throws ApiError like callApi.
 */
export async function uploadApi<C extends RouteContract & { upload: true }>(
  contract: C,
  input: ApiInput<C>,
  file: Blob,
  options: UploadOptions = {},
): Promise<RouteOutput<C>> {
  const { params, query } = readInput(input);
  const url = buildPath(contract.path, params) + toQueryString(query);
  let answer = await send(url, contract.method, file, await ensureCsrfToken(), options);
  if (answer.status === 403 && codeOf(answer.body) === 'CSRF_FAILED') {
    forgetCsrfToken();
    answer = await send(url, contract.method, file, await ensureCsrfToken(), options);
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw ApiError.fromResponse(answer.status, answer.body, answer.headers);
  }
  const parsed = contract.response.safeParse(answer.body);
  if (!parsed.success) {
    throw new ApiError({
      code: 'INTERNAL',
      message: `Unexpected answer from ${contract.method} ${contract.path}`,
      status: answer.status,
      requestId: answer.headers.get('x-request-id') ?? '',
      cause: parsed.error,
    });
  }
  return parsed.data as RouteOutput<C>;
}

function codeOf(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** XMLHttpRequest, because fetch still reports no upload progress. */
function send(
  url: string,
  method: string,
  file: Blob,
  csrfToken: string,
  options: UploadOptions,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        options.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const headers = new Headers();
      for (const line of request
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      let body: unknown;
      try {
        body = request.responseText ? (JSON.parse(request.responseText) as unknown) : undefined;
      } catch {
        body = undefined;
      }
      resolve({ status: request.status, body, headers });
    };
    request.onerror = () => reject(ApiError.network(new Error('upload failed')));
    request.onabort = () => reject(ApiError.network(new Error('upload aborted')));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
