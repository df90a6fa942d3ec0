import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  listBankPassages,
  listBankQuestions,
  type BankQuestion,
} from '../../../../shared/api/question-bank.js';
import { FakeApi } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { QuestionBankPage } from './QuestionBankPage.js';

const question = (id: string, changes: Partial<BankQuestion>): BankQuestion => ({
  id,
  type: 'single_choice',
  content: {
    type: 'single_choice',
    stem: '"Ubiquitous" most nearly means ___.',
    options: [
      { id: 'A', text: 'rare' },
      { id: 'B', text: 'everywhere' },
    ],
    correct: 'B',
  },
  collegeId: null,
  passageId: null,
  passageTitle: null,
  tags: ['词汇'],
  difficulty: 2,
  defaultPoints: 2,
  externalKey: 'V-1',
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
  ...changes,
});

describe('QuestionBankPage (/admin/question-bank)', () => {
  const admin = sessionUser({ role: 'school_admin', name: '学校管理员' });

  it('lists the questions with their answers and searches the stems', async () => {
    const items = [
      question('00000000-0000-4000-8000-0000000000c1', {}),
      question('00000000-0000-4000-8000-0000000000c2', {
        type: 'true_false',
        content: { type: 'true_false', stem: '北京是中国的首都。', correct: true },
        externalKey: null,
        tags: [],
        passageTitle: '材料一',
      }),
    ];
    const api = new FakeApi()
      .on(listBankPassages, { items: [] })
      .on(listBankQuestions, (request) => {
        const q = request.query.get('q');
        const found = q ? items.filter((item) => item.content.stem.includes(q)) : items;
        return { items: found, total: found.length, tags: ['词汇'] };
      });
    const { user } = render(<QuestionBankPage />, { user: admin, api });

    const first = (await screen.findByText('"Ubiquitous" most nearly means ___.')).closest('tr');
    if (!first) throw new Error('no row');
    expect(within(first).getByText('单选题')).toBeInTheDocument();
    expect(within(first).getByText('B')).toBeInTheDocument();
    const second = screen.getByText('北京是中国的首都。').closest('tr');
    if (!second) throw new Error('no row');
    expect(within(second).getByText('对')).toBeInTheDocument();
    expect(within(second).getByText('阅读材料：材料一')).toBeInTheDocument();
    expect(screen.getByText('共 2 道题')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: '搜索题干、题号或标签' }), '北京{Enter}');
    await vi.waitFor(() =>
      expect(screen.queryByText('"Ubiquitous" most nearly means ___.')).toBeNull(),
    );
    expect(screen.getByText('共 1 道题')).toBeInTheDocument();
    expect(api.requestsTo(listBankQuestions).at(-1)?.query.get('q')).toBe('北京');
    // 导出 gives what the table lists.
    expect(screen.getByRole('link', { name: /导出题库/ })).toHaveAttribute(
      'href',
      '/api/admin/question-bank/export?q=%E5%8C%97%E4%BA%AC',
    );
  });
});
