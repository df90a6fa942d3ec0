import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionImportResult } from '../../shared/api/question-import.js';
import { bankQuestion } from '../db/schema/index.js';
import { RosterClient } from '../roster/roster-client-test-helpers.js';
import { buildZip } from '../roster/roster-test-helpers.js';
import { auditEntries } from '../test/demo-logins.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { buildQuestionDocx } from './question-test-files.js';

const BASE = '/api/admin/question-bank';
const MB = 1024 * 1024;

const paper = (firstStem: string) => [
  '2026 年春季学期期中考试（闭卷）',
  '一、单项选择题',
  `1.【单选题】${firstStem}`,
  'A. 4\tB. 7\tC. 9\tD. 12',
  '答案：B',
  '分值：2',
  '难度：中',
  '标签：数学',
  '编号：DOCX-1',
  '【填空题】中国的首都是____。',
  '答案：北京/北平',
  '编号：DOCX-2',
  '【判断题】地球是平的。',
  '答案：也许',
  '编号：DOCX-3',
  '【简答题】简述光合作用。',
  '答案：植物利用光能合成有机物。',
  '解析：见教材。',
  '分值：10',
  '编号：DOCX-4',
];

describe('Word (.docx) question import', () => {
  let test: TestApp;
  let admin: RosterClient;

  const upload = (bytes: Buffer, mode: 'validate' | 'valid_rows', name = '期中试卷.docx') =>
    admin.upload(`${BASE}/import?mode=${mode}&name=${encodeURIComponent(name)}`, bytes);
  const importFile = async (bytes: Buffer, mode: 'validate' | 'valid_rows') => {
    const response = await upload(bytes, mode);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<QuestionImportResult>();
  };
  const keyed = () =>
    test.database.db
      .select()
      .from(bankQuestion)
      .where(inArray(bankQuestion.externalKey, ['DOCX-1', 'DOCX-2', 'DOCX-3', 'DOCX-4']))
      .orderBy(bankQuestion.externalKey);

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await RosterClient.login(test, 'admin');
  });
  afterAll(() => test.close());

  it('checks a Word paper by paragraph, then imports its valid questions', async () => {
    const file = buildQuestionDocx(paper('下列哪个数是质数？（ ）'));
    const preview = await importFile(file, 'validate');
    expect(preview).toMatchObject({
      format: 'docx',
      imported: false,
      totalRows: 4,
      validRows: 3,
      errorRows: 1,
      created: 3,
    });
    expect(preview.errors).toEqual([
      { sheet: 'questions', line: 13, column: 'answer', code: 'invalid_true_false', value: '也许' },
    ]);
    expect(preview.warnings).toEqual([
      { line: 18, code: 'explanation_ignored', value: '见教材。' },
    ]);
    expect(await keyed()).toEqual([]);

    const confirmed = await importFile(file, 'valid_rows');
    expect(confirmed).toMatchObject({ imported: true, created: 3, updated: 0 });
    const stored = await keyed();
    expect(
      stored.map((row) => [row.externalKey, row.type, row.defaultPoints, row.difficulty]),
    ).toEqual([
      ['DOCX-1', 'single_choice', 2, 3],
      ['DOCX-2', 'fill_blank', 1, null],
      ['DOCX-4', 'essay', 10, null],
    ]);
    expect(stored[0]?.content).toMatchObject({ correct: 'B', stem: '下列哪个数是质数？（ ）' });
    expect(stored[1]?.content).toMatchObject({ blanks: [{ accepted: ['北京', '北平'] }] });
    expect(stored[2]?.content).toMatchObject({ referenceAnswer: '植物利用光能合成有机物。' });
    const audit = await auditEntries(admin.client, 'questions.imported');
    expect(audit[0]?.detail).toContain('"format":"docx"');
  });

  it('updates the questions of the same 编号 on a re-import instead of adding copies', async () => {
    const result = await importFile(
      buildQuestionDocx(paper('下列哪个数是质数？（改）')),
      'valid_rows',
    );
    expect(result).toMatchObject({ imported: true, created: 0, updated: 1, unchanged: 2 });
    const stored = await keyed();
    expect(stored).toHaveLength(3);
    expect(stored[0]?.content).toMatchObject({ stem: '下列哪个数是质数？（改）' });
  });

  it('refuses a Word file that is a zip bomb, and one without a readable document', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(150 * MB) },
    ]);
    expect(bomb.length).toBeLessThan(MB);
    const refused = await upload(bomb, 'validate');
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('ARCHIVE_REJECTED');

    const notWord = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<html>not a document</html>') },
    ]);
    const unreadable = await upload(notWord, 'validate');
    expect(unreadable.statusCode).toBe(400);
    expect(
      unreadable.json<{ error: { code: string; issues: { message: string }[] } }>().error,
    ).toMatchObject({ code: 'QUESTION_FILE_UNREADABLE', issues: [{ message: 'bad_docx' }] });
    expect(await keyed()).toHaveLength(3);
  });
});
