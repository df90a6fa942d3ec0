import ExcelJS from 'exceljs';
import type { ExamResults } from '../../shared/api/scoring.js';

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 成绩: one row per registration with each examiner's total in its own column (examiners in the
 * order they first appear), the aggregate and whether the chair confirmed it.
 */
export async function buildResultsWorkbook(results: ExamResults): Promise<Buffer> {
  const examiners = [
    ...new Set(results.items.flatMap((item) => item.scores.map((s) => s.examinerName))),
  ];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('成绩');
  sheet.addRow(['准考证号', '姓名', '考场', ...examiners, '成绩', '已确认']).font = { bold: true };
  for (const item of results.items) {
    const totals = new Map(item.scores.map((s) => [s.examinerName, s.total]));
    sheet.addRow([
      item.admissionNumber,
      item.candidateName,
      item.sessionName,
      ...examiners.map((name) => totals.get(name) ?? null),
      item.aggregate,
      item.isConfirmed ? '是' : '否',
    ]);
  }
  // Text format, so Excel keeps admission numbers with leading zeros as typed.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 14;
  sheet.getColumn(3).width = 26;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
