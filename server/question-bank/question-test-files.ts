import ExcelJS from 'exceljs';
import {
  QUESTION_COLUMNS,
  QUESTION_HEADERS,
  type QuestionColumn,
} from '../../shared/api/question-import.js';

// Builders of import files for tests (pure: no app, so parser tests stay out of the db project).

/** The header row of the 题目 sheet, in Chinese. */
export const QUESTION_HEADER_ZH = QUESTION_COLUMNS.map((column) => QUESTION_HEADERS[column].zh);

/** A row given by column; the others empty. */
export function questionRow(cells: Partial<Record<QuestionColumn, ExcelJS.CellValue>>) {
  return QUESTION_COLUMNS.map((column) => cells[column] ?? null);
}

/** An XLSX with a 题目 sheet (header first) and, when given, a 阅读材料 sheet. */
export async function buildQuestionXlsx(
  rows: ExcelJS.CellValue[][],
  passages?: string[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题目');
  sheet.addRow(QUESTION_HEADER_ZH);
  for (const row of rows) sheet.addRow(row);
  if (passages) {
    const passageSheet = workbook.addWorksheet('阅读材料');
    passageSheet.addRow(['标题', '内容']);
    for (const row of passages) passageSheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
