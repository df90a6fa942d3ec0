import { fileTypeFromBuffer } from 'file-type';
import type { DocumentKind } from '../../shared/enums.js';

/** What an uploaded file is, judged by its bytes (never by its name alone). */
export interface DetectedFile {
  kind: DocumentKind;
  mimeType: string;
  /** A plain zip may still be a .docx/.xlsx/.pptx whose parts lie past the first bytes. */
  mayBeOfficeZip: boolean;
}

const BY_EXTENSION: Partial<Record<string, { kind: DocumentKind; mimeType?: string }>> = {
  docx: { kind: 'word' },
  xlsx: { kind: 'excel' },
  pptx: { kind: 'ppt' },
  pdf: { kind: 'pdf' },
  mp3: { kind: 'mp3', mimeType: 'audio/mpeg' },
  mp4: { kind: 'mp4', mimeType: 'video/mp4' },
  png: { kind: 'png', mimeType: 'image/png' },
  jpg: { kind: 'jpeg', mimeType: 'image/jpeg' },
  zip: { kind: 'zip', mimeType: 'application/zip' },
  rar: { kind: 'rar', mimeType: 'application/vnd.rar' },
};

/**
 * Old Office files (.doc/.xls/.ppt) share one container (MS-CFB) that the bytes cannot tell
 * apart; the name's extension only picks the label among the three, and any other name is refused.
 */
const OLD_OFFICE: Partial<Record<string, { kind: DocumentKind; mimeType: string }>> = {
  doc: { kind: 'word', mimeType: 'application/msword' },
  xls: { kind: 'excel', mimeType: 'application/vnd.ms-excel' },
  ppt: { kind: 'ppt', mimeType: 'application/vnd.ms-powerpoint' },
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The document kind of these bytes, or null when it is not one we accept (executables, HTML,
 * SVG, text, macro-enabled Office files, anything unknown, an empty file).
 */
export async function detectDocumentFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<DetectedFile | null> {
  if (bytes.length === 0) return null;
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return null;
  if (found.ext === 'cfb') {
    const office = OLD_OFFICE[extensionOf(fileName)];
    return office ? { ...office, mayBeOfficeZip: false } : null;
  }
  const known = BY_EXTENSION[found.ext];
  if (!known) return null;
  return {
    kind: known.kind,
    mimeType: known.mimeType ?? found.mime,
    mayBeOfficeZip: found.ext === 'zip',
  };
}

/** Characters that must not reach a display name: control and bidirectional-override marks. */
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const MAX_NAME_CHARACTERS = 120;
const graphemes = new Intl.Segmenter();

/**
 * The uploaded name as shown to people: its last path part only, without control characters,
 * at most 120 characters. It is never used to store or find the bytes.
 */
export function cleanDisplayName(uploadedName: string, fallbackExtension: string): string {
  const lastPart = uploadedName.split(/[\\/]/).pop() ?? '';
  // Cut by user-perceived characters, so a name never ends in half an emoji.
  const cleaned = Array.from(
    graphemes.segment(lastPart.replace(UNSAFE_CHARACTERS, '').trim()),
    (part) => part.segment,
  )
    .slice(0, MAX_NAME_CHARACTERS)
    .join('')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..'
    ? `document.${fallbackExtension}`
    : cleaned;
}
