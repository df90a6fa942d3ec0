import ExcelJS from 'exceljs';
import {
  ROSTER_COLUMNS,
  ROSTER_HEADERS,
  ROSTER_MAX_ROWS,
  type RosterColumn,
  type RosterFileIssue,
} from '../../shared/api/roster.js';
import { AppError } from '../errors/app-error.js';
import { looksLikeZip, openZip, type ZipLimits } from '../files/zip.js';
import { decodeCsv, readCsvRecords, unreadable } from './parse-csv.js';

/** A cell as read from the file, before any rule about its column. */
export type RosterCell =
  | { kind: 'text'; text: string }
  /** Never evaluated: the formula text only, for the error report. */
  | { kind: 'formula'; text: string }
  /** A number cell; `isExact` is false past 2^53, where digits were already lost. */
  | { kind: 'number'; text: string; isExact: boolean };

/** One non-blank data row with its line as a spreadsheet shows it (header = line 1). */
export interface RosterSheetRow {
  line: number;
  cells: Partial<Record<RosterColumn, RosterCell>>;
}

export interface ParsedRoster {
  format: 'xlsx' | 'csv';
  columns: RosterColumn[];
  rows: RosterSheetRow[];
}

/** What an XLSX may unpack to; real rosters are far below (20,000 rows ≈ 10 MB of XML). */
export const XLSX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1_000,
  maxTotalBytes: 200 * 1024 * 1024,
  ratioCheckFromBytes: 1024 * 1024,
  maxRatio: 100,
};

// 准考证号 may be left out: the import then gives each new registration a random one.
const REQUIRED_COLUMNS: RosterColumn[] = ['name', 'idNumber', 'phone'];

function tooManyRows(): AppError {
  return AppError.withIssues('TOO_MANY_ROWS', [
    { path: 'file', message: 'too_many_rows' satisfies RosterFileIssue },
  ]);
}

const normaliseTitle = (title: string) => title.replace(/[\s*＊:：]/g, '').toLowerCase();
const COLUMN_BY_TITLE = new Map<string, RosterColumn>(
  ROSTER_COLUMNS.flatMap((column) => [
    [normaliseTitle(ROSTER_HEADERS[column].zh), column] as const,
    [normaliseTitle(ROSTER_HEADERS[column].en), column] as const,
  ]),
);

/** Which column index holds which roster column, found by its zh or en title in any order. */
function mapHeader(titles: string[]): Map<number, RosterColumn> {
  const map = new Map<number, RosterColumn>();
  const seen = new Set<RosterColumn>();
  titles.forEach((title, index) => {
    const column = COLUMN_BY_TITLE.get(normaliseTitle(title));
    if (column && !seen.has(column)) {
      map.set(index, column);
      seen.add(column);
    }
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length > 0) {
    throw AppError.withIssues(
      'SPREADSHEET_UNREADABLE',
      missing.map((column) => ({
        path: `header.${column}`,
        message: 'missing_column' satisfies RosterFileIssue,
      })),
    );
  }
  return map;
}

/** Collects rows after the header, skipping blank ones and refusing past the row limit. */
class RowCollector {
  private header: Map<number, RosterColumn> | null = null;
  readonly rows: RosterSheetRow[] = [];

  /** Adds one row of cells by column index; returns the header's columns once it is known. */
  add(line: number, cells: (RosterCell | null)[]): void {
    const isBlank = cells.every((cell) => cell === null || cell.text === '');
    if (isBlank) return;
    if (!this.header) {
      this.header = mapHeader(cells.map((cell) => cell?.text ?? ''));
      return;
    }
    if (this.rows.length >= ROSTER_MAX_ROWS) throw tooManyRows();
    const row: RosterSheetRow = { line, cells: {} };
    for (const [index, column] of this.header) {
      const cell = cells[index];
      if (cell && cell.text !== '') row.cells[column] = cell;
    }
    this.rows.push(row);
  }

  finish(format: ParsedRoster['format']): ParsedRoster {
    if (!this.header) throw unreadable('no_header');
    return { format, columns: [...this.header.values()], rows: this.rows };
  }
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((part: unknown) => textOf(part)).join('');
    }
    if ('text' in value) return textOf(value.text);
    if ('error' in value) return textOf(value.error);
  }
  return '';
}

/** An exceljs cell value as a roster cell: formulas are flagged, never evaluated. */
export function cellFromExcel(value: unknown): RosterCell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    return { kind: 'formula', text: `=${textOf(formula)}` };
  }
  if (typeof value === 'number') {
    return { kind: 'number', text: String(value), isExact: Number.isSafeInteger(value) };
  }
  return { kind: 'text', text: textOf(value).trim() };
}

const SHEET_PATH = /^xl\/worksheets\/[^/]+\.xml$/;
const ROW = /<(?:\w+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const VALUE = /<(?:\w+:)?(?:v|is|f)[\s>]/;

/** Rows with at least one value in a worksheet's XML: counted without building row objects. */
function countValueRows(xml: string): number {
  let rows = 0;
  for (const match of xml.matchAll(ROW)) if (match[1] && VALUE.test(match[1])) rows++;
  return rows;
}

/** The path of the workbook's first sheet, from workbook.xml and its relationships. */
function firstSheetPath(parts: Map<string, string>): string | null {
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const relations = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const relationId = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(workbook)?.[1];
  if (!relationId) return null;
  for (const [relation] of relations.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!relation.includes(`Id="${relationId}"`)) continue;
    const target = /Target="([^"]+)"/.exec(relation)?.[1];
    if (!target) return null;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return null;
}

/**
 * Inflates every part with its declared size enforced (a bomb is refused before exceljs sees
 * it) and refuses a roster sheet past the row limit before any row object is built.
 */
async function checkXlsxArchive(bytes: Buffer): Promise<void> {
  const zip = await openZip(bytes, XLSX_ZIP_LIMITS, () => unreadable('bad_xlsx'));
  const parts = new Map<string, string>();
  try {
    for (const entry of zip.entries) {
      if (entry.isDirectory) continue;
      const content = await zip.read(entry);
      if (entry.name.endsWith('.xml') || entry.name.endsWith('.rels')) {
        parts.set(entry.name, content.toString('utf8'));
      }
    }
  } finally {
    zip.close();
  }
  const first = firstSheetPath(parts);
  const sheets =
    first && parts.has(first) ? [first] : [...parts.keys()].filter((name) => SHEET_PATH.test(name));
  for (const sheet of sheets) {
    // +1: the header row.
    if (countValueRows(parts.get(sheet) ?? '') > ROSTER_MAX_ROWS + 1) throw tooManyRows();
  }
}

async function parseXlsx(bytes: Buffer): Promise<ParsedRoster> {
  await checkXlsxArchive(bytes);
  // The whole-file reader, not exceljs's streaming one: the latter splits multi-byte characters
  // at chunk edges (Chinese names came out with U+FFFD). The size was checked above.
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('bad_xlsx');
  }
  // Only the first sheet is the roster; the template's second sheet lists the sessions.
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('no_sheet');
  const collector = new RowCollector();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
    // exceljs row values are 1-based: index 0 is always empty.
    collector.add(row.number, values.slice(1).map(cellFromExcel));
  });
  return collector.finish('xlsx');
}

function parseCsv(bytes: Buffer): ParsedRoster {
  const collector = new RowCollector();
  readCsvRecords(decodeCsv(bytes), (cells, line) => {
    collector.add(
      line,
      cells.map((text) => ({ kind: 'text', text: text.trim() })),
    );
    return true;
  });
  return collector.finish('csv');
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * The upload rule for roster files, judged by content: a zip (XLSX) or text (CSV). Binary
 * files of other kinds, old .xls included, are refused before they are read in full.
 */
export function rosterFileLimit(maxBytes: number) {
  return (head: Buffer): number => {
    if (looksLikeZip(head)) return maxBytes;
    if (head.subarray(0, 4).equals(OLE_MAGIC)) {
      throw AppError.withIssues('FILE_TYPE_NOT_ALLOWED', [
        { path: 'file', message: 'old_xls' satisfies RosterFileIssue },
      ]);
    }
    const isUtf16 =
      (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (!isUtf16 && head.includes(0)) {
      throw AppError.withIssues('FILE_TYPE_NOT_ALLOWED', [
        { path: 'file', message: 'not_spreadsheet' satisfies RosterFileIssue },
      ]);
    }
    return maxBytes;
  };
}

/** Reads a roster file (XLSX or CSV, judged by content) into its rows. */
export async function parseRosterFile(bytes: Buffer): Promise<ParsedRoster> {
  if (bytes.length === 0) throw unreadable('empty');
  return looksLikeZip(bytes) ? parseXlsx(bytes) : parseCsv(bytes);
}
