import { describe, expect, it } from 'vitest';
import { parseRosterFile } from './parse-roster.js';
import { buildXlsx, HEADER_ZH, idNumber } from './roster-test-helpers.js';

describe('parseRosterFile', () => {
  it('keeps every Chinese character of a large XLSX intact', async () => {
    // Unique names fill the shared-strings part past one inflate chunk, where exceljs's
    // streaming reader used to cut characters in half.
    const digits = '零一二三四五六七八九';
    const names = Array.from(
      { length: 5_000 },
      (_, i) => `考生${String(i).replace(/\d/g, (d) => digits[Number(d)] ?? '')}`,
    );
    const file = await buildXlsx([
      HEADER_ZH,
      ...names.map((name, i) => [
        name,
        idNumber(i % 1000),
        '13900000000',
        `A-${String(i)}`,
        '',
        '',
      ]),
    ]);
    const parsed = await parseRosterFile(file);
    expect(parsed.rows).toHaveLength(5_000);
    const read = parsed.rows.map((row) => row.cells.name?.text);
    expect(read).toEqual(names);
  });

  it('reads quoted CSV cells with commas and line breaks, numbering rows as a spreadsheet does', async () => {
    const csv = [
      '姓名,身份证号,手机号,准考证号',
      '"张,三","11010820050101123X",13900000001,A-1',
      '',
      '"李\n四",110108200501011234,13900000002,A-2',
      'Wang Wu,110108200501011235,13900000003,A-3',
    ].join('\r\n');
    const parsed = await parseRosterFile(Buffer.from(csv));
    expect(parsed.rows.map((row) => [row.line, row.cells.name?.text])).toEqual([
      [2, '张,三'],
      [4, '李\n四'],
      [5, 'Wang Wu'],
    ]);
  });
});
