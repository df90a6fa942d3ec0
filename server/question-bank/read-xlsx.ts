import ExcelJS from 'exceljs';
import {
  PASSAGE_COLUMNS,
  PASSAGE_HEADERS,
  QUESTION_COLUMNS,
  QUESTION_HEADERS,
  QUESTION_IMPORT_MAX_ROWS,
  QUESTION_SHEETS,
  type PassageColumn,
  type QuestionColumn,
  type QuestionFileIssue,
} from '../../shared/api/question-import.js';
import { AppError } from '../errors/app-error.js';
import { assertSafeZip } from '../files/zip.js';
import { cellFromExcel, XLSX_ZIP_LIMITS, type RosterCell } from '../roster/parse-roster.js';

/** A cell as read: text, a number, or a formula (never evaluated). */
export type SheetCell = RosterCell;

/** One non-blank data row with its row number as the spreadsheet shows it (header = 1). */
export interface SheetRow<C extends string> {
  line: number;
  cells: Partial<Record<C, SheetCell>>;
}

export interface QuestionWorkbook {
  questions: SheetRow<QuestionColumn>[];
  passages: SheetRow<PassageColumn>[];
}

export function unreadableFile(issue: QuestionFileIssue, path = 'file'): AppError {
  const code =
    issue === 'too_many_rows'
      ? 'TOO_MANY_ROWS'
      : issue === 'bad_xlsx' || issue === 'no_header' || issue === 'missing_column'
        ? 'SPREADSHEET_UNREADABLE'
        : 'QUESTION_FILE_UNREADABLE';
  return AppError.withIssues(code, [{ path, message: issue }]);
}

const normaliseTitle = (title: string) => title.replace(/[\s*＊:：()（）]/g, '').toLowerCase();

function titleMap<C extends string>(
  columns: readonly C[],
  headers: Record<C, { zh: string; en: string }>,
) {
  return new Map<string, C>(
    columns.flatMap((column) => [
      [normaliseTitle(headers[column].zh), column] as const,
      [normaliseTitle(headers[column].en), column] as const,
    ]),
  );
}
const QUESTION_TITLES = titleMap(QUESTION_COLUMNS, QUESTION_HEADERS);
const PASSAGE_TITLES = titleMap(PASSAGE_COLUMNS, PASSAGE_HEADERS);

/**
 * The rows of one sheet: the header is the first row naming a required column (the template's
 * note row above it is skipped), then each non-blank row by column.
 */
function readSheet<C extends string>(
  sheet: ExcelJS.Worksheet,
  titles: Map<string, C>,
  required: readonly C[],
): SheetRow<C>[] {
  // Held in an object: the row callback sets it, which narrowing would not see.
  const found: { header: Map<number, C> | null } = { header: null };
  const rows: SheetRow<C>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
    // exceljs row values are 1-based: index 0 is always empty.
    const cells = values.slice(1).map(cellFromExcel);
    if (cells.every((cell) => cell === null || cell.text === '')) return;
    const { header } = found;
    if (!header) {
      const columns = new Map<number, C>();
      cells.forEach((cell, index) => {
        const column = cell ? titles.get(normaliseTitle(cell.text)) : undefined;
        if (column && ![...columns.values()].includes(column)) columns.set(index, column);
      });
      if (required.every((column) => [...columns.values()].includes(column))) {
        found.header = columns;
      }
      return;
    }
    if (rows.length >= QUESTION_IMPORT_MAX_ROWS) throw unreadableFile('too_many_rows');
    const entry: SheetRow<C> = { line: row.number, cells: {} };
    for (const [index, column] of header) {
      const cell = cells[index];
      if (cell && cell.text !== '') entry.cells[column] = cell;
    }
    rows.push(entry);
  });
  if (!found.header) throw unreadableFile('missing_column', `header.${required.join(',')}`);
  return rows;
}

/**
 * Reads the template's workbook: the 题目 sheet (or the first sheet that is not 阅读材料 or
 * 填写说明) and, when present, the 阅读材料 sheet of shared passages.
 */
export async function readQuestionWorkbook(bytes: Buffer): Promise<QuestionWorkbook> {
  await assertSafeZip(bytes, XLSX_ZIP_LIMITS, () => unreadableFile('bad_xlsx'));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadableFile('bad_xlsx');
  }
  const others = new Set<string>([QUESTION_SHEETS.passages, QUESTION_SHEETS.help]);
  const questionSheet =
    workbook.getWorksheet(QUESTION_SHEETS.questions) ??
    workbook.worksheets.find((sheet) => !others.has(sheet.name));
  if (!questionSheet) throw unreadableFile('no_questions_sheet');
  const passageSheet = workbook.getWorksheet(QUESTION_SHEETS.passages);
  return {
    questions: readSheet(questionSheet, QUESTION_TITLES, ['type', 'stem']),
    passages: passageSheet
      ? readSheet(passageSheet, PASSAGE_TITLES, ['passageTitle', 'passageText'])
      : [],
  };
}
