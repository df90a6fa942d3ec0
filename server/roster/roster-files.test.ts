import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_MAX_ROWS } from '../../shared/api/roster.js';
import { appUser } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import { RosterClient } from './roster-client-test-helpers.js';
import {
  buildPlainXlsx,
  buildZip,
  encodeGb18030,
  HEADER_ZH,
  idNumber,
} from './roster-test-helpers.js';

const MB = 1024 * 1024;

describe('roster files: CSV encodings, limits, archives and the template', () => {
  let test: TestApp;
  let admin: RosterClient;
  let flAdmin: RosterClient;
  const examIds: Record<string, string> = {};
  const importUrl = (code: string, mode = 'validate') =>
    `/api/admin/exams/${examIds[code] ?? ''}/roster?mode=${mode}&name=roster.csv`;
  const errorCodeOf = (response: LightMyRequestResponse) =>
    response.json<{ error: { code: string } }>().error.code;
  const csvRows = (rows: string[][]) => rows.map((row) => row.join(',')).join('\r\n');

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await RosterClient.login(test, 'admin');
    flAdmin = await RosterClient.login(test, 'fl_admin');
    const items = (await admin.client.get('/api/admin/exams')).json<{
      items: { id: string; code: string }[];
    }>().items;
    for (const item of items) examIds[item.code] = item.id;
  });
  afterAll(() => test.close());

  it('reads CSV saved as UTF-8 with a BOM and as GB18030 (Excel on Chinese Windows)', async () => {
    const text = csvRows([
      HEADER_ZH,
      ['欧阳娜娜', idNumber(601), '13900000601', 'W-601', '计算机学院', '学位外语第一考场'],
    ]);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const gbk = encodeGb18030(text);
    for (const bytes of [utf8, gbk]) {
      const result = await admin.importRoster(examIds.WRT2026 ?? '', bytes, 'validate');
      expect(result).toMatchObject({ totalRows: 1, validRows: 1, errorCount: 0 });
    }
    await admin.importRoster(examIds.WRT2026 ?? '', gbk, 'all');
    const [stored] = await test.database.db
      .select({ name: appUser.name })
      .from(appUser)
      .where(eq(appUser.idNumber, idNumber(601)));
    expect(stored?.name).toBe('欧阳娜娜');
    // The GBK bytes are not UTF-8: read as UTF-8 the name would be garbage and refused.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
  });

  it('takes CSV cells starting with = as text, and refuses them as names', async () => {
    const text = csvRows([
      HEADER_ZH,
      [
        '"=HYPERLINK(""http://evil.example"",""x"")"',
        idNumber(611),
        '13900000611',
        'W-611',
        '',
        '',
      ],
      ['"<img src=x onerror=alert(1)>"', idNumber(612), '13900000612', 'W-612', '', ''],
      ['"Anne-Marie O\'Neil"', idNumber(613), '13900000613', 'W-613', '', ''],
    ]);
    const result = await admin.importRoster(examIds.WRT2026 ?? '', Buffer.from(text), 'validate');
    expect(result.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 2, column: 'name', code: 'invalid_name' },
      { line: 3, column: 'name', code: 'invalid_name' },
    ]);
    expect(result.errors[0]?.value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(result.validRows).toBe(1);
  });

  it(`refuses more than ${String(ROSTER_MAX_ROWS)} rows as a whole, CSV and XLSX`, async () => {
    const rows = Array.from({ length: ROSTER_MAX_ROWS + 1 }, (_, i) => [
      '张三',
      idNumber(i % 1000),
      `139${String(i).padStart(8, '0')}`,
      `A${String(i)}`,
    ]);
    const csv = await admin.upload(
      importUrl('WRT2026'),
      Buffer.from(csvRows([HEADER_ZH.slice(0, 4), ...rows])),
    );
    expect(csv.statusCode).toBe(400);
    expect(errorCodeOf(csv)).toBe('TOO_MANY_ROWS');

    const big = Array.from({ length: 100_000 }, (_, i) => [
      '张三',
      '110108200501011234',
      `139${String(i).padStart(8, '0')}`,
      `A${String(i)}`,
    ]);
    const xlsx = buildPlainXlsx([HEADER_ZH.slice(0, 4), ...big]);
    const started = performance.now();
    const response = await admin.upload(importUrl('WRT2026'), xlsx);
    expect(errorCodeOf(response)).toBe('TOO_MANY_ROWS');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a zip bomb dressed as XLSX before inflating it, and unreadable files', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(300 * MB) },
    ]);
    expect(bomb.length).toBeLessThan(2 * MB);
    const response = await admin.upload(importUrl('WRT2026'), bomb);
    expect(response.statusCode).toBe(400);
    expect(errorCodeOf(response)).toBe('ARCHIVE_REJECTED');

    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]);
    expect(errorCodeOf(await admin.upload(importUrl('WRT2026'), broken))).toBe(
      'SPREADSHEET_UNREADABLE',
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(errorCodeOf(await admin.upload(importUrl('WRT2026'), png))).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    );
  });

  it('serves the template in both formats, and the template imports cleanly', async () => {
    const response = await admin.client.get(
      `/api/admin/exams/${examIds.INT2026 ?? ''}/roster/template?format=xlsx`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="roster-template-INT2026.xlsx"; filename*=UTF-8''${encodeURIComponent('考生名单模板-INT2026.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const [roster, sessions] = workbook.worksheets;
    expect(roster?.getRow(1).values).toEqual([undefined, ...HEADER_ZH]);
    expect(roster?.getRow(2).getCell(6).value).toBe('外国语学院面试第一考场');
    expect(sessions?.name).toBe('考场');
    expect(sessions?.getRow(2).getCell(1).value).toBe('外国语学院面试第一考场');

    const imported = await admin.importRoster(examIds.INT2026 ?? '', response.rawPayload, 'all');
    expect(imported).toMatchObject({ imported: true, created: 1, errorCount: 0 });

    const csv = await flAdmin.client.get(
      `/api/admin/exams/${examIds.INT2026 ?? ''}/roster/template?format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body).toContain(HEADER_ZH.join(','));
    const again = await admin.importRoster(examIds.INT2026 ?? '', csv.rawPayload, 'all');
    expect(again).toMatchObject({ imported: true, created: 0, unchanged: 1 });
  });

  it('gives the template only to admins of the exam', async () => {
    const url = `/api/admin/exams/${examIds.WRT2026 ?? ''}/roster/template`;
    expect((await flAdmin.client.get(url)).statusCode).toBe(404);
    expect((await new TestClient(test.app).get(url)).statusCode).toBe(401);
    const proctor = await RosterClient.login(test, 'proctor1');
    expect((await proctor.client.get(url)).statusCode).toBe(403);
  });
});
