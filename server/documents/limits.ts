import type { DocumentLimits } from '../../shared/api/documents.js';
import type { DocumentKind } from '../../shared/enums.js';

const MB = 1024 * 1024;

/** Defaults; DOCUMENT_MAX_FILES and DOCUMENT_MAX_MB override them (README). */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxFiles: 10,
  maxBytes: {
    word: 20 * MB,
    ppt: 50 * MB,
    excel: 20 * MB,
    pdf: 20 * MB,
    mp3: 50 * MB,
    mp4: 200 * MB,
    png: 10 * MB,
    jpeg: 10 * MB,
    zip: 100 * MB,
    rar: 100 * MB,
  },
};

/** The defaults with what the environment overrides: a file count, and megabytes per kind. */
export function documentLimitsFrom(
  maxFiles: number | undefined,
  megabytesByKind: Partial<Record<DocumentKind, number>> = {},
): DocumentLimits {
  const maxBytes = { ...DEFAULT_DOCUMENT_LIMITS.maxBytes };
  for (const [kind, megabytes] of Object.entries(megabytesByKind) as [DocumentKind, number][]) {
    maxBytes[kind] = megabytes * MB;
  }
  return { maxFiles: maxFiles ?? DEFAULT_DOCUMENT_LIMITS.maxFiles, maxBytes };
}
