import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  createBankQuestion,
  listBankPassages,
  updateBankQuestion,
  type BankQuestion,
} from '../../../../shared/api/question-bank.js';
import { listColleges } from '../../../../shared/api/people.js';
import { FakeApi } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { QuestionFormModal } from './QuestionFormModal.js';

const QUESTION_ID = '00000000-0000-4000-8000-0000000000b1';
const FL_ID = '00000000-0000-4000-8000-0000000000f1';
const colleges = {
  items: [
    {
      id: FL_ID,
      name: '外国语学院',
      nameEn: null,
      disabled: false,
      candidateCount: 0,
      staffCount: 0,
      createdAt: '2026-12-01T08:00:00.000Z',
    },
  ],
};
const stored: BankQuestion = {
  id: QUESTION_ID,
  type: 'fill_blank',
  content: {
    type: 'fill_blank',
    stem: 'She has lived here ___ 2010.',
    blanks: [{ accepted: ['since', 'from'] }],
    matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
  },
  collegeId: null,
  passageId: null,
  passageTitle: null,
  tags: ['语法'],
  difficulty: 2,
  defaultPoints: 2,
  externalKey: 'G-1',
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
};

describe('QuestionFormModal (新增题目 / 编辑题目)', () => {
  const admin = sessionUser({ role: 'school_admin', name: '学校管理员' });

  it('adds a single choice with the ticked option as its answer', async () => {
    const api = new FakeApi()
      .on(listColleges, colleges)
      .on(listBankPassages, { items: [] })
      .on(createBankQuestion, {
        ...stored,
        type: 'single_choice',
        content: {
          type: 'single_choice',
          stem: 'x',
          options: [
            { id: 'A', text: 'a' },
            { id: 'B', text: 'b' },
          ],
          correct: 'B',
        },
      });
    const onClose = vi.fn();
    const { user } = render(
      <QuestionFormModal question={null} knownTags={[]} onClose={onClose} />,
      {
        user: admin,
        api,
      },
    );
    await user.type(screen.getByLabelText('题干'), 'Ubiquitous means ___.');
    await user.type(screen.getByLabelText('选项 A'), 'rare');
    await user.type(screen.getByLabelText('选项 B'), 'everywhere');
    await user.click(screen.getByRole('button', { name: '删除选项 D' }));
    await user.type(screen.getByLabelText('选项 C'), 'old');
    await user.click(screen.getByRole('button', { name: '保存' }));
    // Nothing ticked yet: the form says so and sends nothing.
    // antd redraws the list's error as it animates in: wait for it to stay.
    await vi.waitFor(() => expect(screen.getByText('请勾选正确答案')).toBeInTheDocument(), {
      timeout: 5000,
    });
    expect(api.requestsTo(createBankQuestion)).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: '正确答案 B' }));
    await user.click(screen.getByRole('combobox', { name: '所属学院' }));
    await user.click(await screen.findByTitle('外国语学院'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5000 });
    expect(api.requestsTo(createBankQuestion)[0]?.body).toMatchObject({
      content: {
        type: 'single_choice',
        stem: 'Ubiquitous means ___.',
        options: [
          { id: 'A', text: 'rare' },
          { id: 'B', text: 'everywhere' },
          { id: 'C', text: 'old' },
        ],
        correct: 'B',
      },
      defaultPoints: 1,
      externalKey: null,
      collegeId: FL_ID,
    });
  });

  it('edits a fill-in-the-blank question, refusing a stem whose ___ do not match the blanks', async () => {
    const api = new FakeApi()
      .on(listColleges, colleges)
      .on(listBankPassages, { items: [] })
      .on(updateBankQuestion, stored);
    const onClose = vi.fn();
    const { user } = render(
      <QuestionFormModal question={stored} knownTags={['语法']} onClose={onClose} />,
      { user: admin, api },
    );
    expect(screen.getByLabelText('第 1 空')).toHaveValue('since; from');
    await user.click(screen.getByRole('button', { name: '添加一空' }));
    await user.type(screen.getByLabelText('第 2 空'), 'ten;10');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('题干中有 1 个 ___，但填写了 2 个空的答案')).toBeInTheDocument();
    expect(api.requestsTo(updateBankQuestion)).toHaveLength(0);

    const stem = screen.getByLabelText('题干');
    await user.clear(stem);
    await user.type(stem, 'She has lived here ___ 2010, when she was ___.');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5000 });
    const sent = api.requestsTo(updateBankQuestion)[0];
    expect(sent?.params).toEqual({ questionId: QUESTION_ID });
    expect(sent?.body).toMatchObject({
      content: { blanks: [{ accepted: ['since', 'from'] }, { accepted: ['ten', '10'] }] },
      tags: ['语法'],
      externalKey: 'G-1',
      // Still 全校, as it was.
      collegeId: null,
    });
  });
});
