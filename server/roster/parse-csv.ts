import type { RosterFileIssue } from '../../shared/api/roster.js';
import { AppError } from '../errors/app-error.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** A file refused as unreadable, with the reason's code (ROSTER_FILE_ISSUES). */
export function unreadable(issue: RosterFileIssue): AppError {
  return AppError.withIssues('SPREADSHEET_UNREADABLE', [{ path: 'file', message: issue }]);
}

/**
 * The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, or else GB18030, which is
 * what Excel on a Chinese Windows saves as "CSV".
 */
export function decodeCsv(bytes: Buffer): string {
  if (UTF8_BOM.every((byte, i) => bytes[i] === byte)) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw unreadable('bad_encoding');
    }
  }
}

/** The separator the header line uses most: comma, tab (Excel's "Unicode text") or semicolon. */
function detectSeparator(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', '\t', ';']) {
    const found = firstLine.split(candidate).length - 1;
    if (found > bestCount) {
      best = candidate;
      bestCount = found;
    }
  }
  return best;
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold separators, quotes and line
 * breaks). `onRecord` gets each record with its 1-based row number; returning false stops.
 */
export function readCsvRecords(
  text: string,
  onRecord: (cells: string[], line: number) => boolean,
): void {
  const separator = detectSeparator(text);
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  // A spreadsheet shows one row per record, even when a quoted cell spans several lines.
  let row = 0;
  const endRecord = (): boolean => {
    cells.push(field);
    row++;
    const keepGoing = onRecord(cells, row);
    cells = [];
    field = '';
    return keepGoing;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += char;
      continue;
    }
    if (char === '"' && field === '') inQuotes = true;
    else if (char === separator) {
      cells.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      if (!endRecord()) return;
    } else field += char;
  }
  if (inQuotes) throw unreadable('open_quote');
  if (field !== '' || cells.length > 0) endRecord();
}
