import type { DocumentLimits } from '../../shared/api/documents.js';

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
