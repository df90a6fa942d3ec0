import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionImportResult } from '../../shared/api/question-import.js';
import { bankPassage, bankQuestion, school } from '../db/schema/index.js';
import { RosterClient } from '../roster/roster-client-test-helpers.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { auditEntries } from '../test/demo-logins.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { buildQuestionXlsx, questionRow } from './question-test-files.js';

const BASE = '/api/admin/question-bank';

const rows = [
  questionRow({
    key: 'IMP-1',
    type: '单选题',
    stem: '第一题',
    optionA: '甲',
    optionB: '乙',
    answer: 'A',
    points: 2,
  }),
  questionRow({
    key: 'IMP-2',
    type: '判断题',
    stem: '第二题',
    answer: '对',
    points: 1,
    passage: '材料一',
  }),
  questionRow({
    key: 'IMP-3',
    type: '填空题',
    stem: '第三题 ___',
    answer: 'x;y',
    points: 1,
    tags: '导入',
  }),
];
const broken = questionRow({
  key: 'IMP-4',
  type: '判断题',
  stem: '坏行',
  answer: '也许',
  points: 1,
});
const passages = [['材料一', '一段阅读材料。']];

describe('question import, template and export', () => {
  let test: TestApp;
  let admin: RosterClient;
  let flAdmin: RosterClient;

  const importFile = async (
    client: RosterClient,
    bytes: Buffer,
    mode: 'validate' | 'valid_rows',
  ): Promise<QuestionImportResult> => {
    const response = await client.upload(`${BASE}/import?mode=${mode}&name=q.xlsx`, bytes);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<QuestionImportResult>();
  };
  const keyed = (keys: string[]) =>
    test.database.db
      .select()
      .from(bankQuestion)
      .where(inArray(bankQuestion.externalKey, keys))
      .orderBy(bankQuestion.externalKey);
  const download = async (client: RosterClient, path: string) => {
    const response = await client.client.get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    return response.rawPayload;
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await RosterClient.login(test, 'admin');
    flAdmin = await RosterClient.login(test, 'fl_admin');
  });
  afterAll(() => test.close());

  it('checks a file without storing anything, then imports only its valid rows', async () => {
    const file = await buildQuestionXlsx([...rows, broken], passages);
    const preview = await importFile(admin, file, 'validate');
    expect(preview).toMatchObject({
      format: 'xlsx',
      imported: false,
      totalRows: 4,
      validRows: 3,
      errorRows: 1,
      created: 3,
      updated: 0,
      passagesCreated: 1,
    });
    expect(preview.errors).toEqual([
      { sheet: 'questions', line: 5, column: 'answer', code: 'invalid_true_false', value: '也许' },
    ]);
    expect(await keyed(['IMP-1', 'IMP-2', 'IMP-3', 'IMP-4'])).toEqual([]);

    const confirmed = await importFile(admin, file, 'valid_rows');
    expect(confirmed).toMatchObject({ imported: true, created: 3, updated: 0, unchanged: 0 });
    const stored = await keyed(['IMP-1', 'IMP-2', 'IMP-3', 'IMP-4']);
    expect(stored.map((row) => row.externalKey)).toEqual(['IMP-1', 'IMP-2', 'IMP-3']);
    const [passage] = await test.database.db
      .select()
      .from(bankPassage)
      .where(eq(bankPassage.title, '材料一'));
    expect(stored[1]?.passageId).toBe(passage?.id);
    expect(stored[2]?.content).toMatchObject({ blanks: [{ accepted: ['x', 'y'] }] });
    const audit = await auditEntries(admin.client, 'questions.imported');
    expect(audit[0]?.detail).toContain('"created":3');
  });

  it('updates the questions of the same 题号 on a re-import instead of adding copies', async () => {
    const changed = [...rows];
    changed[0] = questionRow({
      key: 'IMP-1',
      type: '单选题',
      stem: '第一题（改）',
      optionA: '甲',
      optionB: '乙',
      answer: 'B',
      points: 2,
    });
    const extra = questionRow({ key: 'IMP-5', type: '简答题', stem: '新题', points: 5 });
    const result = await importFile(
      admin,
      await buildQuestionXlsx([...changed, extra], passages),
      'valid_rows',
    );
    expect(result).toMatchObject({
      imported: true,
      totalRows: 4,
      created: 1,
      updated: 1,
      unchanged: 2,
      passagesCreated: 0,
      passagesUpdated: 0,
    });
    const stored = await keyed(['IMP-1', 'IMP-2', 'IMP-3', 'IMP-5']);
    expect(stored).toHaveLength(4);
    expect(stored[0]?.content).toMatchObject({ stem: '第一题（改）', correct: 'B' });
    const passageCount = await test.database.db
      .select()
      .from(bankPassage)
      .where(eq(bankPassage.title, '材料一'));
    expect(passageCount).toHaveLength(1);
  });

  it('imports Moodle GIFT through the same check and import, and updates by title', async () => {
    const gift = Buffer.from(
      '// 导入\n::GIFT-1:: 2 + 2 = ? {=4 ~3 ~5}\n\n::GIFT-2:: 地球是圆的。{T}\n\nBroken {=a\n',
    );
    const preview = await importFile(admin, gift, 'validate');
    expect(preview).toMatchObject({ format: 'gift', totalRows: 3, validRows: 2, created: 2 });
    expect(preview.errors).toEqual([
      { sheet: 'questions', line: 6, column: 'answer', code: 'gift_syntax', value: 'Broken {=a' },
    ]);
    expect(await importFile(admin, gift, 'valid_rows')).toMatchObject({ created: 2 });
    expect(await importFile(admin, gift, 'valid_rows')).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it('refuses a file that is neither XLSX nor GIFT, saying why', async () => {
    const response = await admin.upload(
      `${BASE}/import?mode=validate&name=q.txt`,
      Buffer.from('hello'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'QUESTION_FILE_UNREADABLE',
      issues: [{ path: 'file', message: 'not_question_file' }],
    });
    const binary = await admin.upload(
      `${BASE}/import?mode=validate&name=q.bin`,
      Buffer.from([0x00, 0x01, 0x02, 0x7b]),
    );
    expect(binary.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it("keeps a college admin's import in their college, and off other questions' 题号", async () => {
    const file = await buildQuestionXlsx([
      questionRow({ key: 'FL-1', type: '判断题', stem: '外语学院导入', answer: '对', points: 1 }),
      questionRow({ key: 'IMP-1', type: '判断题', stem: '想改全校题', answer: '对', points: 1 }),
    ]);
    const result = await importFile(flAdmin, file, 'valid_rows');
    expect(result).toMatchObject({ created: 1, updated: 0, errorRows: 1 });
    expect(result.errors).toEqual([
      { sheet: 'questions', line: 3, column: 'key', code: 'key_out_of_scope', value: 'IMP-1' },
    ]);
    const [own] = await keyed(['FL-1']);
    expect(own?.collegeId).not.toBeNull();
    const [untouched] = await keyed(['IMP-1']);
    expect(untouched?.content.stem).toBe('第一题（改）');
  });

  it('exports the bank in the template’s columns: importing the export changes nothing', async () => {
    // A question without 题号 is written as id:…, and found again by it.
    const unkeyed = await admin.client.post(`${BASE}/questions`, {
      content: { type: 'essay', stem: '没有题号的题', maxLength: 500 },
      defaultPoints: 4,
    });
    expect(unkeyed.statusCode).toBe(200);
    const exported = await download(admin, `${BASE}/export`);
    const [demo] = await test.database.db.select().from(school).where(eq(school.slug, 'demo'));
    const inBank = await test.database.db
      .select()
      .from(bankQuestion)
      .where(and(eq(bankQuestion.schoolId, demo?.id ?? '')));
    const result = await importFile(admin, exported, 'validate');
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({
      totalRows: inBank.length,
      created: 0,
      updated: 0,
      unchanged: inBank.length,
      passagesCreated: 0,
      passagesUpdated: 0,
    });
    expect(inBank.some((row) => row.externalKey === null)).toBe(true);
    // The college admin's export holds their college's questions only.
    const flResult = await importFile(
      flAdmin,
      await download(flAdmin, `${BASE}/export`),
      'validate',
    );
    expect(flResult.unchanged).toBe(
      inBank.filter((row) => row.collegeId === flCollege(inBank)).length,
    );
  });

  it('hands out the template, whose examples import as they are', async () => {
    const template = await download(admin, `${BASE}/template`);
    const result = await importFile(admin, template, 'validate');
    expect(result).toMatchObject({ errorCount: 0, totalRows: 6, validRows: 6 });
  });
});

/** The college of the questions the college admin imported (FL-1). */
function flCollege(rows: { externalKey: string | null; collegeId: string | null }[]) {
  return rows.find((row) => row.externalKey === 'FL-1')?.collegeId ?? null;
}
