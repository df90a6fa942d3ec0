import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { fileTooLargeIssue } from '../../shared/api/common.js';
import type { RouteContract, RouteOutput } from '../../shared/api/contract.js';
import { AppError } from '../errors/app-error.js';
import { registerRoute, type RouteContext } from './http-routes.js';

export const UPLOAD_CONTENT_TYPE = 'application/octet-stream';

/** How many leading bytes a size rule may look at before deciding (enough for magic bytes). */
export const UPLOAD_HEAD_BYTES = 4100;

/**
 * The largest size allowed: a number, or a rule that sees the file's first bytes (to judge its
 * type by content) and answers the limit for that type, or throws to refuse the file.
 */
export type UploadLimit = number | ((head: Buffer) => number | Promise<number>);

/** One file arriving as a request body; nothing is read until `read` is called. */
export interface IncomingUpload {
  /** The uploaded name, for display only. */
  fileName: string;
  /** Content-Length, when the client sent one. */
  declaredBytes: number | null;
  /** Reads the whole file, refusing with FILE_TOO_LARGE as soon as it passes the limit. */
  read(limit: UploadLimit): Promise<Buffer>;
}

/** Lets upload routes receive their body as a stream instead of a parsed (and size-capped) buffer. */
export function installUploadParser(app: FastifyInstance): void {
  app.addContentTypeParser(UPLOAD_CONTENT_TYPE, (_request, payload, done) => {
    done(null, payload);
  });
}

export function tooLarge(maxBytes: number): AppError {
  return AppError.withIssues('FILE_TOO_LARGE', [fileTooLargeIssue(maxBytes)]);
}

/** Reads a body stream up to a limit without ever holding more than the limit in memory. */
export async function readWithLimit(
  stream: Readable,
  limit: UploadLimit,
  declaredBytes: number | null,
): Promise<Buffer> {
  let maxBytes = typeof limit === 'number' ? limit : Number.POSITIVE_INFINITY;
  if (declaredBytes !== null && declaredBytes > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  let decided = typeof limit === 'number';
  const decide = async () => {
    if (typeof limit === 'number') return;
    decided = true;
    maxBytes = await limit(Buffer.concat(chunks, total));
    if (declaredBytes !== null && declaredBytes > maxBytes) throw tooLarge(maxBytes);
  };
  // destroyOnReturn false: refusing must not tear the socket down before the answer is sent.
  for await (const chunk of stream.iterator({ destroyOnReturn: false })) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    chunks.push(buffer);
    total += buffer.length;
    if (!decided && total >= UPLOAD_HEAD_BYTES) await decide();
    if (total > maxBytes) {
      stream.pause();
      throw tooLarge(maxBytes);
    }
  }
  if (!decided) await decide();
  if (total > maxBytes) throw tooLarge(maxBytes);
  return Buffer.concat(chunks, total);
}

function incomingUpload(request: FastifyRequest, fileName: string): IncomingUpload {
  const header = request.headers['content-length'];
  const declared = header === undefined ? null : Number(header);
  const declaredBytes = declared !== null && Number.isFinite(declared) ? declared : null;
  return {
    fileName,
    declaredBytes,
    read: (limit) => {
      const body: unknown = request.body;
      if (!(body instanceof Readable)) {
        return Promise.reject(AppError.of('UNSUPPORTED_MEDIA_TYPE', 'send the file as a body'));
      }
      return readWithLimit(body, limit, declaredBytes);
    },
  };
}

export type UploadRouteContext<C extends RouteContract> = RouteContext<C> & {
  upload: IncomingUpload;
};

/**
 * Registers an upload contract (`upload: true`, query with `name`). A refused upload closes the
 * connection, so a client sending gigabytes is not read to the end.
 */
export function registerUploadRoute<C extends RouteContract & { upload: true }>(
  app: FastifyInstance,
  contract: C,
  handler: (context: UploadRouteContext<C>) => Promise<RouteOutput<C>>,
): void {
  registerRoute(app, contract, async (context) => {
    const query: unknown = context.query;
    const name =
      typeof query === 'object' && query !== null && 'name' in query ? String(query.name) : '';
    try {
      return await handler({ ...context, upload: incomingUpload(context.request, name) });
    } catch (error) {
      if (!context.request.raw.readableEnded) void context.reply.header('connection', 'close');
      throw error;
    }
  });
}
