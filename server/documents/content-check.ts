import type { DocumentKind } from '../../shared/enums.js';
import { AppError } from '../errors/app-error.js';
import { assertSafeZip, looksLikeZip, type ZipLimits } from '../files/zip.js';
import { assertDecodableImage, MAX_PIXELS, UnsupportedImageError } from '../vision/image-codec.js';

/**
 * What a document kept as an archive (.zip, and the Office formats, which are zips) may unpack to
 * on a reviewer's machine. Office XML compresses 10–30 times; a bomb of zeros a thousand.
 */
export const DOCUMENT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 512 * 1024 * 1024,
  ratioCheckFromBytes: 1024 * 1024,
  maxRatio: 200,
};

/**
 * Checks a document's whole content once its type is known: a PNG or JPEG is decoded to the last
 * pixel (a PNG signature followed by HTML is refused), an archive is inflated entry by entry
 * within DOCUMENT_ZIP_LIMITS. Other kinds (PDF, old Office, media, RAR, whose contents we cannot
 * read) are judged by type and size only and are always downloaded, never shown in place.
 */
export async function assertWholeDocument(bytes: Buffer, kind: DocumentKind): Promise<void> {
  if (kind === 'png' || kind === 'jpeg') {
    try {
      assertDecodableImage(bytes);
    } catch (error) {
      if (error instanceof UnsupportedImageError && error.reason === 'too_large') {
        throw AppError.withIssues('FILE_TOO_LARGE', [
          { path: 'file', message: `max ${String(MAX_PIXELS)} pixels` },
        ]);
      }
      throw AppError.of('FILE_DAMAGED', 'the picture cannot be decoded');
    }
    return;
  }
  if (looksLikeZip(bytes)) {
    await assertSafeZip(bytes, DOCUMENT_ZIP_LIMITS, () =>
      AppError.of('FILE_DAMAGED', 'the archive cannot be read'),
    );
  }
}
