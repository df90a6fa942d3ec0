import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registration } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import { generateAdmissionNumber } from './admission-numbers.js';
import { RosterClient } from './roster-client-test-helpers.js';
import { buildXlsx, HEADER_ZH, idNumber } from './roster-test-helpers.js';

const SESSION = '学位外语第一考场';

/** A roster without 准考证号: the import draws random, non-sequential numbers. */
describe('generated admission numbers', () => {
  let test: TestApp;
  let admin: RosterClient;
  let examId = '';

  const numbersOf = async () =>
    (
      await test.database.db
        .select({ admissionNumber: registration.admissionNumber })
        .from(registration)
        .where(eq(registration.examId, examId))
    )
      .map((row) => row.admissionNumber)
      .filter((number) => !number.startsWith('WRT'));

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await RosterClient.login(test, 'admin');
    const items = (await admin.client.get('/api/admin/exams')).json<{
      items: { id: string; code: string }[];
    }>().items;
    examId = items.find((item) => item.code === 'WRT2026')?.id ?? '';
  });
  afterAll(() => test.close());

  it('gives each new candidate a random 12-digit number when the roster leaves it empty', async () => {
    const blankColumn = await buildXlsx([
      HEADER_ZH,
      ['赵一', idNumber(201), '13900000201', '', '', SESSION],
      ['钱二', idNumber(202), '13900000202', '', '', SESSION],
      ['孙三', idNumber(203), '13900000203', '', '', SESSION],
    ]);
    const noColumn = await buildXlsx([
      ['姓名', '身份证号', '手机号', '考场'],
      ['李四四', idNumber(204), '13900000204', SESSION],
      ['周五', idNumber(205), '13900000205', SESSION],
    ]);
    expect(await admin.importRoster(examId, blankColumn, 'all')).toMatchObject({
      imported: true,
      created: 3,
      errorCount: 0,
    });
    expect(await admin.importRoster(examId, noColumn, 'all')).toMatchObject({ created: 2 });

    const numbers = await numbersOf();
    expect(numbers).toHaveLength(5);
    for (const number of numbers) expect(number).toMatch(/^[1-9]\d{11}$/);
    expect(new Set(numbers).size).toBe(5);
    // Not a sequence: no two are neighbours, so one's own number tells nothing about others'.
    const sorted = numbers.map(Number).sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      expect((sorted[i] ?? 0) - (sorted[i - 1] ?? 0)).toBeGreaterThan(1);
    }

    for (const number of numbers) {
      const login = await new TestClient(test.app).post('/api/auth/login/admission', {
        schoolSlug: 'demo',
        examCode: 'WRT2026',
        admissionNumber: number,
      });
      expect(login.statusCode).toBe(200);
    }

    // Importing again keeps the numbers candidates already have.
    expect(await admin.importRoster(examId, blankColumn, 'all')).toMatchObject({
      created: 0,
      unchanged: 3,
    });
    expect((await numbersOf()).sort()).toEqual([...numbers].sort());
  });

  it('says so in the template: empty example number and a 填写说明 sheet', async () => {
    const response = await admin.client.get(
      `/api/admin/exams/${examId}/roster/template?format=xlsx`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]?.getRow(2).getCell(4).value ?? '').toBe('');
    const instructions = workbook.getWorksheet('填写说明');
    const text = JSON.stringify(instructions?.getSheetValues());
    expect(text).toContain('准考证号可留空');
    expect(text).toContain('请勿使用连续编号');
  });

  it('never draws a number already taken', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 2000; i++) taken.add(generateAdmissionNumber(taken));
    expect(taken.size).toBe(2000);
  });
});
