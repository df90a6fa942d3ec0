import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, auditLog, college, registration } from '../db/schema/index.js';
import { DEMO_CANDIDATES, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';
import { RosterClient } from './roster-client-test-helpers.js';
import { buildXlsx, HEADER_ZH, idNumber, withBadChecksum } from './roster-test-helpers.js';

const WRITTEN_SESSION = '学位外语第一考场';
const INTERVIEW_SESSION = '外国语学院面试第一考场';

describe('roster import: upsert of candidates and registrations', () => {
  let test: TestApp;
  let admin: RosterClient;
  let flAdmin: RosterClient;
  const examIds: Record<string, string> = {};

  const people = [
    ['赵一', idNumber(101), '13900000101', 'WRT-101', '', WRITTEN_SESSION],
    ['钱二', idNumber(102), '13900000102', 'WRT-102', '计算机学院', WRITTEN_SESSION],
    ['孙三', idNumber(103), '13900000103', 'WRT-103', '', ''],
  ];
  const registrationsOf = (examId: string) =>
    test.database.db.select().from(registration).where(eq(registration.examId, examId));
  const candidateLogin = (examCode: string, admissionNumber: string) =>
    new TestClient(test.app).post('/api/auth/login/admission', {
      schoolSlug: 'demo',
      examCode,
      admissionNumber,
    });

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

  it('refuses the whole file in mode all when one row has a bad checksum, storing nothing', async () => {
    const bad = people.map((row) => [...row]);
    const third = bad[2];
    if (!third) throw new Error('fixture');
    third[1] = withBadChecksum(idNumber(103));
    const before = (await registrationsOf(examIds.WRT2026 ?? '')).length;
    const result = await admin.importRoster(
      examIds.WRT2026 ?? '',
      await buildXlsx([HEADER_ZH, ...bad]),
    );
    expect(result).toMatchObject({
      imported: false,
      totalRows: 3,
      validRows: 2,
      errorRows: 1,
      errorCount: 1,
      created: 0,
    });
    expect(result.errors).toEqual([
      { line: 4, column: 'idNumber', code: 'invalid_id_number', value: third[1] },
    ]);
    expect(await registrationsOf(examIds.WRT2026 ?? '')).toHaveLength(before);
    expect((await candidateLogin('WRT2026', 'WRT-101')).statusCode).not.toBe(200);

    // valid_rows imports the two good rows and reports the bad one.
    const partial = await admin.importRoster(
      examIds.WRT2026 ?? '',
      await buildXlsx([HEADER_ZH, ...bad]),
      'valid_rows',
    );
    expect(partial).toMatchObject({ imported: true, created: 2, updated: 0, errorRows: 1 });
    expect((await candidateLogin('WRT2026', 'WRT-103')).statusCode).not.toBe(200);

    // The fixed file creates only the row that was missing.
    const fixed = await admin.importRoster(
      examIds.WRT2026 ?? '',
      await buildXlsx([HEADER_ZH, ...people]),
    );
    expect(fixed).toMatchObject({ imported: true, created: 1, updated: 0, unchanged: 2 });
    expect(await registrationsOf(examIds.WRT2026 ?? '')).toHaveLength(before + 3);
  });

  it('lets an imported candidate log in by exam ID and admission number, with the initial password pending', async () => {
    const response = await candidateLogin('WRT2026', 'WRT-103');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { name: '孙三', role: 'candidate' } });
    const [user] = await test.database.db
      .select()
      .from(appUser)
      .where(eq(appUser.idNumber, idNumber(102)));
    expect(user).toMatchObject({
      passwordHash: null,
      mustChangePassword: true,
      phone: '13900000102',
    });
    const byPassword = await new TestClient(test.app).post('/api/auth/login/id-number', {
      schoolSlug: 'demo',
      idNumber: idNumber(102),
      password: idNumber(102).slice(-6),
    });
    expect(byPassword.statusCode).toBe(200);
  });

  it('changes nothing on a re-import of the same file, and updates a changed phone', async () => {
    const again = await admin.importRoster(
      examIds.WRT2026 ?? '',
      await buildXlsx([HEADER_ZH, ...people]),
    );
    expect(again).toMatchObject({ imported: true, created: 0, updated: 0, unchanged: 3 });

    const changed = people.map((row) => [...row]);
    if (changed[0]) changed[0][2] = '13900000199';
    const update = await admin.importRoster(
      examIds.WRT2026 ?? '',
      await buildXlsx([HEADER_ZH, ...changed]),
    );
    expect(update).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const [user] = await test.database.db
      .select({ phone: appUser.phone })
      .from(appUser)
      .where(eq(appUser.idNumber, idNumber(101)));
    expect(user?.phone).toBe('13900000199');
    const audits = await test.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'roster.imported'));
    expect(audits.length).toBeGreaterThanOrEqual(4);
    expect(JSON.parse(audits.at(-1)?.detail ?? '{}')).toMatchObject({ created: 0, updated: 1 });
    expect(audits.map((entry) => entry.detail).join()).not.toContain(idNumber(101));
  });

  it('adds an existing candidate to another exam without a second account', async () => {
    const li = DEMO_CANDIDATES[1];
    const result = await admin.importRoster(
      examIds.INT2026 ?? '',
      await buildXlsx([HEADER_ZH, [li.name, li.idNumber, li.phone, 'INT2026002', '', '']]),
    );
    expect(result).toMatchObject({ imported: true, created: 0, unchanged: 1 });
    const accounts = await test.database.db
      .select()
      .from(appUser)
      .where(eq(appUser.idNumber, li.idNumber));
    expect(accounts).toHaveLength(1);
  });

  it('reports duplicates in the file on the later row, and values taken in the database', async () => {
    const zhang = DEMO_CANDIDATES[0];
    const result = await admin.importRoster(
      examIds.WRT2026 ?? '',
      await buildXlsx([
        HEADER_ZH,
        ['周四', idNumber(201), '13900000201', 'WRT-201', '', ''],
        ['吴五', idNumber(201), '13900000202', 'WRT-202', '', ''],
        ['郑六', idNumber(203), '13900000201', 'WRT-203', '', ''],
        ['王七', idNumber(204), '13900000204', 'WRT2026001', '', ''],
        ['冯八', idNumber(205), zhang.phone, 'WRT-205', '', ''],
        ['陈九', idNumber(206), '13900000206', 'WRT-206', '', '不存在的考场'],
      ]),
      'validate',
    );
    expect(result.imported).toBe(false);
    expect(result.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 3, column: 'idNumber', code: 'duplicate_in_file' },
      { line: 4, column: 'phone', code: 'duplicate_in_file' },
      { line: 5, column: 'admissionNumber', code: 'admission_number_taken' },
      { line: 6, column: 'phone', code: 'phone_taken' },
      { line: 7, column: 'session', code: 'unknown_session' },
    ]);
    expect(result).toMatchObject({ totalRows: 6, validRows: 1, errorRows: 5 });
  });

  it('keeps a college admin to their own exams and college', async () => {
    const rows = [
      HEADER_ZH,
      ['褚十', idNumber(301), '13900000301', 'INT-301', '', INTERVIEW_SESSION],
      ['卫十一', idNumber(302), '13900000302', 'INT-302', '计算机学院', INTERVIEW_SESSION],
    ];
    const other = await flAdmin.upload(
      `/api/admin/exams/${examIds.WRT2026 ?? ''}/roster?mode=validate&name=r.xlsx`,
      await buildXlsx(rows),
    );
    expect(other.statusCode).toBe(404);

    const result = await flAdmin.importRoster(
      examIds.INT2026 ?? '',
      await buildXlsx(rows),
      'valid_rows',
    );
    expect(result.errors).toEqual([
      { line: 3, column: 'college', code: 'college_out_of_scope', value: '计算机学院' },
    ]);
    expect(result).toMatchObject({ imported: true, created: 1 });
    const [created] = await test.database.db
      .select({ collegeId: appUser.collegeId })
      .from(appUser)
      .where(eq(appUser.idNumber, idNumber(301)));
    const [foreignLanguages] = await test.database.db
      .select({ id: college.id })
      .from(college)
      .where(eq(college.name, '外国语学院'));
    expect(created?.collegeId).toBe(foreignLanguages?.id);
  });

  it('refuses formulas, number-typed ID numbers and markup in names', async () => {
    const result = await admin.importRoster(
      examIds.WRT2026 ?? '',
      await buildXlsx([
        HEADER_ZH,
        [
          { formula: 'HYPERLINK("http://evil.example","点我")' },
          idNumber(401),
          '13900000401',
          'W-401',
          '',
          '',
        ],
        // An 18-digit ID typed as a number: Excel keeps only 15-17 significant digits.
        ['蒋十二', Number('110108200501014010'), '13900000402', 'W-402', '', ''],
        ['<script>alert(1)</script>', idNumber(403), '13900000403', 'W-403', '', ''],
        ['沈十三', idNumber(404), 13900000404, 'W-404', '', ''],
      ]),
      'validate',
    );
    expect(result.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 2, column: 'name', code: 'formula_not_allowed' },
      { line: 3, column: 'idNumber', code: 'invalid_id_number' },
      { line: 4, column: 'name', code: 'invalid_name' },
    ]);
    // A phone typed as a number is exact, so it is accepted.
    expect(result.validRows).toBe(1);
  });

  it('finds columns by English titles in any order and names the missing ones', async () => {
    const english = await admin.importRoster(
      examIds.WRT2026 ?? '',
      await buildXlsx([
        ['Phone', 'Admission number', 'Name', 'ID number'],
        ['13900000501', 'W-501', 'Li Lei', idNumber(501)],
      ]),
      'validate',
    );
    expect(english).toMatchObject({ totalRows: 1, validRows: 1, errorCount: 0 });

    const missing = await admin.upload(
      `/api/admin/exams/${examIds.WRT2026 ?? ''}/roster?mode=validate&name=r.xlsx`,
      await buildXlsx([
        ['姓名', '准考证号'],
        ['韩梅梅', 'W-1'],
      ]),
    );
    expect(missing.statusCode).toBe(400);
    const body = missing.json<{
      error: { code: string; issues: { path: string; message: string }[] };
    }>();
    expect(body.error.code).toBe('SPREADSHEET_UNREADABLE');
    // The web app names each missing column in the admin's language from this code and path.
    expect(body.error.issues).toEqual([
      { path: 'header.idNumber', message: 'missing_column' },
      { path: 'header.phone', message: 'missing_column' },
    ]);
  });
});
