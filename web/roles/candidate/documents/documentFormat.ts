import type { DocumentLimits } from '../../../../shared/api/documents.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/enums.js';

/** The short name of a kind, the same in every language. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  word: 'Word',
  ppt: 'PPT',
  excel: 'Excel',
  pdf: 'PDF',
  mp3: 'MP3',
  mp4: 'MP4',
  png: 'PNG',
  jpeg: 'JPEG',
  zip: 'ZIP',
  rar: 'RAR',
};

/** What the file picker offers; the server still judges each file by its content. */
export const DOCUMENT_ACCEPT =
  '.doc,.docx,.ppt,.pptx,.xls,.xlsx,.pdf,.mp3,.mp4,.png,.jpg,.jpeg,.zip,.rar';

/** Kinds that share a size limit, in the order of DOCUMENT_KINDS: `[['word','pdf'], 20 MB]`. */
export function groupLimits(limits: DocumentLimits): { kinds: DocumentKind[]; maxBytes: number }[] {
  const groups: { kinds: DocumentKind[]; maxBytes: number }[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const maxBytes = limits.maxBytes[kind];
    const group = groups.find((candidate) => candidate.maxBytes === maxBytes);
    if (group) group.kinds.push(kind);
    else groups.push({ kinds: [kind], maxBytes });
  }
  return groups;
}

/** The largest file any kind allows: bigger files are refused before sending. */
export function largestLimit(limits: DocumentLimits): number {
  return Math.max(...DOCUMENT_KINDS.map((kind) => limits.maxBytes[kind]));
}
