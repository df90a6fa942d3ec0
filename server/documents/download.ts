import type { FastifyReply, FastifyRequest } from 'fastify';

/** A stored document on its way out: its bytes, the type found at upload, and its display name. */
export interface DocumentDownload {
  bytes: Buffer;
  mimeType: string;
  fileName: string;
}

/** Types a browser may show in place (decoded before they were stored); others are downloaded. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg']);

/**
 * Uploaded bytes are never trusted as a page: no sniffing, no caching, and a sandbox so that even
 * a file a browser renders cannot run script against our origin.
 */
const SANDBOX_POLICY =
  "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'";
/**
 * Chromium's and Firefox's PDF viewers refuse to render under `sandbox`, so a PDF gets the same
 * policy without it; the viewers run PDF content in their own isolated process. Only our own
 * pages may frame it.
 */
const PDF_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/**
 * A PDF is shown in place only inside a frame of our own page (the reviewer's preview), as the
 * browser's Fetch Metadata says; opened directly, or framed by another site, it is downloaded, so
 * a PDF that is also an HTML page (a polyglot) is never a page of ours. Browsers without Fetch
 * Metadata get the download.
 */
function isFramedByOurPage(headers: FastifyRequest['headers']): boolean {
  return headers['sec-fetch-dest'] === 'iframe' && headers['sec-fetch-site'] === 'same-origin';
}

/** RFC 5987 `ext-value` characters: everything else is percent-encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `inline` or `attachment` with a plain ASCII fallback name and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** Sends a document (or reference photo) with the headers every uploaded file gets. */
export function sendDocument(reply: FastifyReply, file: DocumentDownload): FastifyReply {
  const isPdf = file.mimeType === 'application/pdf';
  const isInline =
    INLINE_TYPES.has(file.mimeType) || (isPdf && isFramedByOurPage(reply.request.headers));
  const disposition = isInline ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', contentDisposition(disposition, file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', isPdf ? PDF_POLICY : SANDBOX_POLICY)
    .send(file.bytes);
}
