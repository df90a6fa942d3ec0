import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../../shared/api/common.js';
import { ROSTER_COLUMNS, ROSTER_HEADERS, type RosterColumn } from '../../shared/api/roster.js';

/** A roster template file, ready to send. */
export interface RosterTemplate {
  fileName: string;
  /** For clients that ignore `filename*`. */
  asciiFileName: string;
  contentType: string;
  bytes: Buffer;
}

const EXAMPLE_ID_FIRST_17 = '11010519900307001';

/** The example row: a made-up person whose values pass every rule of the import. */
function exampleRow(
  exam: { collegeName: string | null },
  sessionName: string,
): Record<RosterColumn, string> {
  return {
    name: '示例考生',
    idNumber: EXAMPLE_ID_FIRST_17 + idNumberCheckChar(EXAMPLE_ID_FIRST_17),
    phone: '13900000000',
    // Left empty on purpose: the import then draws a random one (see the instructions).
    admissionNumber: '',
    college: exam.collegeName ?? '',
    session: sessionName,
  };
}

/** The template's 填写说明 sheet, one rule a line, Chinese then English. */
export const ROSTER_INSTRUCTIONS: readonly (readonly [string, string])[] = [
  [
    '每行一名考生；姓名、身份证号、手机号必填。',
    'One candidate a row; name, ID number and phone are required.',
  ],
  [
    '准考证号可留空：留空时系统为新考生生成 12 位随机号码（不连续、无法推测），已有准考证号保持不变。',
    'Admission numbers may be left empty: new candidates then get a random 12-digit number (not sequential, cannot be guessed); existing ones keep theirs.',
  ],
  [
    '如自行填写准考证号，请勿使用连续编号：考生凭考试ID和准考证号即可登录，连续编号容易被他人猜中。',
    'If you fill them in, do not number candidates in sequence: the exam ID and admission number are enough to log in, and sequential numbers are easy to guess.',
  ],
  [
    '考场须与第二张表“考场”中的名称一致；只有一个考场时可留空。',
    'Session names must match the sheet 考场; with one session it may be left empty.',
  ],
];

const csvField = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/**
 * The template to fill in: Chinese header row and one example row; the XLSX has a second sheet
 * 考场 listing the exam's session names, the CSV a UTF-8 BOM so Excel reads it as UTF-8.
 */
export async function buildRosterTemplate(
  exam: { code: string; collegeName: string | null },
  sessionNames: string[],
  format: 'xlsx' | 'csv',
): Promise<RosterTemplate> {
  const header = ROSTER_COLUMNS.map((column) => ROSTER_HEADERS[column].zh);
  const example = exampleRow(exam, sessionNames[0] ?? '');
  const values = ROSTER_COLUMNS.map((column) => example[column]);
  const baseName = `考生名单模板-${exam.code}`;
  const asciiBase = `roster-template-${exam.code.replace(/[^\x21-\x7e]|["\\/]/g, '_')}`;
  if (format === 'csv') {
    const text = [header, values].map((row) => row.map(csvField).join(',')).join('\r\n');
    return {
      fileName: `${baseName}.csv`,
      asciiFileName: `${asciiBase}.csv`,
      contentType: 'text/csv; charset=utf-8',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('考生名单');
  sheet.addRow(header).font = { bold: true };
  sheet.addRow(values);
  // Text format, so Excel keeps long ID numbers and leading zeros as typed.
  ROSTER_COLUMNS.forEach((_column, index) => {
    const column = sheet.getColumn(index + 1);
    column.numFmt = '@';
    column.width = index === 1 ? 22 : 16;
  });
  const sessions = workbook.addWorksheet('考场');
  sessions.addRow([ROSTER_HEADERS.session.zh]).font = { bold: true };
  for (const name of sessionNames) sessions.addRow([name]);
  sessions.getColumn(1).width = 30;
  const instructions = workbook.addWorksheet('填写说明');
  instructions.addRow(['填写说明', 'Instructions']).font = { bold: true };
  for (const [zh, en] of ROSTER_INSTRUCTIONS) instructions.addRow([zh, en]);
  instructions.getColumn(1).width = 80;
  instructions.getColumn(2).width = 80;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${baseName}.xlsx`,
    asciiFileName: `${asciiBase}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes,
  };
}

/** `attachment` with an ASCII fallback and the real (UTF-8) name per RFC 5987 / 6266. */
export function attachmentDisposition(template: RosterTemplate): string {
  const encoded = encodeURIComponent(template.fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${template.asciiFileName}"; filename*=UTF-8''${encoded}`;
}
