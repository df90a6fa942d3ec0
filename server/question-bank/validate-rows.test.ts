import { describe, expect, it } from 'vitest';
import { parseImportFile } from './import-service.js';
import { buildQuestionXlsx, questionRow } from './question-test-files.js';
import { buildQuestionTemplate } from './template.js';

describe('the XLSX question import (checkWorkbook)', () => {
  it('reads a row of every type into the question it describes', async () => {
    const parsed = await parseImportFile(
      await buildQuestionXlsx([
        questionRow({
          key: 'V-1',
          type: '单选题',
          stem: 'Pick one',
          optionA: 'a',
          optionB: 'b',
          answer: 'b',
          points: 2,
          difficulty: 3,
          tags: '词汇，CET',
        }),
        questionRow({
          type: '多选题',
          stem: 'Pick some',
          optionA: 'a',
          optionB: 'b',
          optionC: 'c',
          answer: 'A、C',
          points: '3',
          scoring: '少选得部分分',
        }),
        questionRow({ type: '判断题', stem: 'True?', answer: '错', points: 1 }),
        questionRow({
          type: '填空题',
          stem: 'I ___ here ___ 2010.',
          answer: 'have lived;live\\;d|since',
          points: 2,
        }),
        questionRow({ type: '简答题', stem: 'Write', points: 10, maxLength: 300 }),
        questionRow({ type: '上传题', stem: 'Upload', points: 5 }),
      ]),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.records.map((record) => record.content)).toEqual([
      {
        type: 'single_choice',
        stem: 'Pick one',
        options: [
          { id: 'A', text: 'a' },
          { id: 'B', text: 'b' },
        ],
        correct: 'B',
      },
      expect.objectContaining({ type: 'multiple_choice', correct: ['A', 'C'], scoring: 'partial' }),
      { type: 'true_false', stem: 'True?', correct: false },
      expect.objectContaining({
        type: 'fill_blank',
        blanks: [{ accepted: ['have lived', 'live;d'] }, { accepted: ['since'] }],
      }),
      { type: 'essay', stem: 'Write', maxLength: 300, referenceAnswer: '' },
      { type: 'file', stem: 'Upload', maxFiles: 3, referenceAnswer: '' },
    ]);
    expect(parsed.records[0]).toMatchObject({
      externalKey: 'V-1',
      tags: ['词汇', 'CET'],
      difficulty: 3,
      defaultPoints: 2,
    });
  });

  it('names the row, the column and the reason of every broken row, and keeps the good ones', async () => {
    const parsed = await parseImportFile(
      await buildQuestionXlsx([
        questionRow({
          type: '单选题',
          stem: 'ok',
          optionA: 'a',
          optionB: 'b',
          answer: 'A',
          points: 1,
        }),
        questionRow({ type: '问答题', stem: 'x', points: 1 }),
        questionRow({
          type: '单选题',
          stem: 'x',
          optionA: 'a',
          optionB: 'b',
          answer: 'E',
          points: 1,
        }),
        questionRow({
          type: '单选题',
          stem: 'x',
          optionA: 'a',
          optionC: 'c',
          answer: 'A',
          points: 1,
        }),
        questionRow({ type: '判断题', stem: 'x', answer: '也许', points: 0 }),
        questionRow({ type: '填空题', stem: 'one ___ only', answer: 'a|b', points: 1 }),
        questionRow({ type: '简答题', stem: 'x', answer: '答案', points: 1, difficulty: 9 }),
        questionRow({
          type: '单选题',
          stem: { formula: 'A1' },
          optionA: 'a',
          optionB: 'b',
          answer: 'A',
          points: 1,
        }),
        questionRow({
          type: '多选题',
          stem: 'x',
          optionA: 'a',
          optionB: 'b',
          answer: 'AB',
          points: 1,
          scoring: '随便',
        }),
        questionRow({ key: 'D', type: '判断题', stem: 'x', answer: '对', points: 1 }),
        questionRow({ key: 'D', type: '判断题', stem: 'y', answer: '对', points: 1 }),
      ]),
    );
    expect(parsed.errors).toEqual([
      { sheet: 'questions', line: 3, column: 'type', code: 'unknown_type', value: '问答题' },
      { sheet: 'questions', line: 4, column: 'answer', code: 'answer_not_an_option', value: 'E' },
      { sheet: 'questions', line: 5, column: 'optionB', code: 'option_gap', value: null },
      { sheet: 'questions', line: 6, column: 'points', code: 'invalid_points', value: '0' },
      { sheet: 'questions', line: 6, column: 'answer', code: 'invalid_true_false', value: '也许' },
      { sheet: 'questions', line: 7, column: 'answer', code: 'blank_count_mismatch', value: 'a|b' },
      { sheet: 'questions', line: 8, column: 'difficulty', code: 'invalid_difficulty', value: '9' },
      { sheet: 'questions', line: 8, column: 'answer', code: 'not_for_type', value: '答案' },
      { sheet: 'questions', line: 9, column: 'stem', code: 'formula_not_allowed', value: '=A1' },
      { sheet: 'questions', line: 10, column: 'scoring', code: 'invalid_scoring', value: '随便' },
      { sheet: 'questions', line: 12, column: 'key', code: 'duplicate_in_file', value: 'D' },
    ]);
    expect(parsed.totalRows).toBe(11);
    expect(parsed.records.map((record) => record.line)).toEqual([2, 11]);
  });

  it('reads shared passages and refuses a passage row without text', async () => {
    const parsed = await parseImportFile(
      await buildQuestionXlsx(
        [questionRow({ type: '判断题', stem: 'x', answer: 'T', points: 1, passage: 'P1' })],
        [
          ['P1', 'The passage.'],
          ['P2', ''],
        ],
      ),
    );
    expect(parsed.passages).toEqual([{ line: 2, title: 'P1', text: 'The passage.' }]);
    expect(parsed.errors).toEqual([
      { sheet: 'passages', line: 3, column: 'passageText', code: 'required', value: null },
    ]);
    expect(parsed.records[0]?.passageTitle).toBe('P1');
  });

  it('refuses a workbook without the type and stem columns as a whole', async () => {
    await expect(parseImportFile(await buildNoHeader())).rejects.toMatchObject({
      code: 'SPREADSHEET_UNREADABLE',
    });
  });

  it('reads its own template: every example is valid', async () => {
    const parsed = await parseImportFile(await buildQuestionTemplate());
    expect(parsed.errors).toEqual([]);
    expect(parsed.records.map((record) => record.content.type)).toEqual([
      'single_choice',
      'multiple_choice',
      'true_false',
      'fill_blank',
      'essay',
      'file',
    ]);
    // The note above the header is skipped, so rows keep the numbers the spreadsheet shows.
    expect(parsed.records[0]?.line).toBe(3);
    expect(parsed.passages).toHaveLength(1);
  });
});

async function buildNoHeader(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('题目').addRow(['名字', '说明']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
