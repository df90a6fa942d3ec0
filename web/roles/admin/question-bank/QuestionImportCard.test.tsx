import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  importBankQuestions,
  type QuestionImportResult,
} from '../../../../shared/api/question-import.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { QuestionImportCard } from './QuestionImportCard.js';

const checked: QuestionImportResult = {
  format: 'xlsx',
  mode: 'validate',
  totalRows: 3,
  validRows: 2,
  errorRows: 1,
  errors: [
    { sheet: 'questions', line: 4, column: 'answer', code: 'invalid_true_false', value: '也许' },
  ],
  errorCount: 1,
  warnings: [],
  imported: false,
  created: 1,
  updated: 1,
  unchanged: 0,
  passagesCreated: 0,
  passagesUpdated: 0,
};

describe('QuestionImportCard (导入题目)', () => {
  const admin = sessionUser({ role: 'school_admin', name: '学校管理员' });
  const file = () => new File(['x'], '题库.xlsx');

  it('shows each error with its row, column and reason, then imports the valid rows on confirm', async () => {
    const api = new FakeApi().on(importBankQuestions, (request) =>
      request.query.get('mode') === 'validate'
        ? checked
        : { ...checked, mode: 'valid_rows' as const, imported: true },
    );
    const { user } = render(<QuestionImportCard />, { user: admin, api });
    await user.upload(screen.getByLabelText('选择题目文件', { selector: 'input' }), file());

    expect(await screen.findByText('共 3 道题，正确 2 道，错误 1 道')).toBeInTheDocument();
    expect(
      screen.getByText('导入后：新增 1 道，更新 1 道，0 道无变化；新增阅读材料 0 篇'),
    ).toBeInTheDocument();
    const errors = within(screen.getByRole('region', { name: '错误明细' }));
    const row = errors.getAllByRole('row')[1];
    if (!row) throw new Error('no error row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['题目', '4', '答案', '判断题答案须为“对”或“错”', '也许']);
    // Nothing is imported by the check alone.
    expect(api.requestsTo(importBankQuestions).map((r) => r.query.get('mode'))).toEqual([
      'validate',
    ]);

    await user.click(screen.getByRole('button', { name: '导入正确的题目' }));
    expect(
      await screen.findByText('导入完成：新增 1 道，更新 1 道，0 道无变化'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 道有错误的题未导入。')).toBeInTheDocument();
    expect(api.requestsTo(importBankQuestions).map((r) => r.query.get('mode'))).toEqual([
      'validate',
      'valid_rows',
    ]);
  });

  it('offers no import when no row would change anything', async () => {
    const api = new FakeApi().on(importBankQuestions, {
      ...checked,
      validRows: 0,
      errorRows: 3,
      created: 0,
      updated: 0,
    });
    const { user } = render(<QuestionImportCard />, { user: admin, api });
    await user.upload(screen.getByLabelText('选择题目文件', { selector: 'input' }), file());
    expect(await screen.findByText('没有可导入的题目，请修正文件后重新选择')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导入正确的题目' })).toBeDisabled();
  });

  it('takes a Word paper: errors by paragraph, and what was left out of imported questions', async () => {
    const api = new FakeApi().on(importBankQuestions, {
      ...checked,
      format: 'docx' as const,
      errors: [{ sheet: 'questions', line: 7, column: 'answer', code: 'required', value: null }],
      warnings: [{ line: 3, code: 'explanation_ignored', value: '因为……' }],
    });
    const { user } = render(<QuestionImportCard />, { user: admin, api });
    const input = screen.getByLabelText('选择题目文件', { selector: 'input' });
    expect(input.getAttribute('accept')?.split(',')).toEqual(
      expect.arrayContaining([
        '.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]),
    );
    expect(
      screen.getByText(/每题以【单选题】【多选题】【判断题】【填空题】【简答题】开头/),
    ).toBeInTheDocument();
    await user.upload(input, new File(['PK'], '期中试卷.docx'));

    expect(await screen.findByText('共 3 道题，正确 2 道，错误 1 道')).toBeInTheDocument();
    expect(api.requestsTo(importBankQuestions)[0]?.query.get('name')).toBe('期中试卷.docx');
    const errors = within(screen.getByRole('region', { name: '错误明细' }));
    expect(errors.getByRole('columnheader', { name: '段落' })).toBeInTheDocument();
    const row = errors.getAllByRole('row')[1];
    if (!row) throw new Error('no error row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['题目', '7', '答案', '必填项为空', '（空）']);
    const left = within(screen.getByRole('region', { name: '未导入的内容' }));
    expect(left.getByText('题库没有“解析”项，此行未导入')).toBeInTheDocument();
    expect(left.getByText('因为……')).toBeInTheDocument();
  });

  it('says why a whole file was refused', async () => {
    const api = new FakeApi().on(importBankQuestions, refuse('QUESTION_FILE_UNREADABLE'));
    const { user } = render(<QuestionImportCard />, { user: admin, api });
    await user.upload(screen.getByLabelText('选择题目文件', { selector: 'input' }), file());
    expect(await screen.findByText('文件无法导入')).toBeInTheDocument();
    expect(
      screen.getByText(/无法读取题目文件，请使用下载的 xlsx 模板、按【单选题】格式编写的 Word/),
    ).toBeInTheDocument();
  });
});
