import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getAdminExam } from '../../../../shared/api/exam-admin.js';
import { getExamPaper, saveExamPaper, type PaperBody } from '../../../../shared/api/papers.js';
import { listBankPassages, listBankQuestions } from '../../../../shared/api/question-bank.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import {
  bank,
  bankId,
  exam,
  formalPaper,
  paperFromBody,
  PAPERS_PATH,
  PAPERS_URL,
} from './papers-fixtures.test-support.js';
import { PapersPage } from './PapersPage.js';

const admin = sessionUser({ role: 'school_admin', name: '学校管理员' });

function serverWith(paper = formalPaper()) {
  return new FakeApi()
    .on(getAdminExam, exam)
    .on(getExamPaper, (request) => ({ paper: request.params.kind === 'formal' ? paper : null }))
    .on(listBankPassages, { items: [] })
    .on(listBankQuestions, (request) => {
      const q = request.query.get('q');
      const items = q ? bank.filter((item) => item.content.stem.includes(q)) : bank;
      return { items, total: items.length, tags: ['学位英语', '词汇'] };
    })
    .on(saveExamPaper, (request) => ({ paper: paperFromBody(request.body as PaperBody, 1) }));
}

const renderPage = (api: FakeApi) =>
  render(<PapersPage />, { user: admin, api, path: PAPERS_PATH, url: PAPERS_URL });

/** The card of section `n` (第n大题), found by its heading. */
function sectionCard(n: number): HTMLElement {
  const heading = screen.getByRole('heading', {
    level: 2,
    name: new RegExp(`^第${String(n)}大题`),
  });
  const card = heading.closest('.ant-card');
  if (!(card instanceof HTMLElement)) throw new Error(`no card of section ${String(n)}`);
  return card;
}

/** What the paper's summary shows beside a label (版本, 总分 …). */
function summary(label: string): string {
  const item = screen.getByText(label, { selector: '.ant-descriptions-item-label' });
  return item.closest('.ant-descriptions-item')?.textContent.slice(label.length) ?? '';
}

describe('PapersPage (/admin/exams/:examId/papers)', () => {
  it('adds a bank question, sets points and a draw, and saves what the admin set', async () => {
    const api = serverWith();
    const { user } = renderPage(api);

    expect(
      await screen.findByRole('heading', { level: 1, name: '学位外语考试 · 试卷' }),
    ).toBeInTheDocument();
    await screen.findByRole('heading', { level: 2, name: '第1大题：一、词汇' });
    expect(summary('版本')).toBe('第 1 版');
    expect(summary('总分')).toBe('21');
    expect(summary('及格线')).toBe('12');
    expect(screen.getByLabelText('试卷标题')).toHaveValue('2026年成人学位英语考试');
    expect(within(sectionCard(2)).getByText('阅读材料：The Night Library')).toBeInTheDocument();

    // The bank: a question on the paper cannot be picked again, a new one can.
    await user.click(screen.getByRole('button', { name: '从题库添加到第1大题' }));
    const picker = await screen.findByRole('dialog', { name: '从题库添加到第1大题' });
    const taken = within(picker).getByRole('checkbox', {
      name: '选择：The library is open ___ midnight.',
    });
    expect(taken).toBeDisabled();
    expect(taken.closest('tr')).toHaveTextContent('已在第1大题，不能重复添加');
    await user.click(
      within(picker).getByRole('checkbox', { name: '选择：She has lived here ___ 2010.' }),
    );
    await user.click(within(picker).getByRole('button', { name: '添加所选（1）' }));
    expect(await screen.findByText('已添加 1 道题')).toBeInTheDocument();
    const vocabulary = sectionCard(1);
    expect(within(vocabulary).getByText('She has lived here ___ 2010.')).toBeInTheDocument();
    // Its default 1 point from the bank.
    expect(within(vocabulary).getByLabelText('第1大题第3题分值')).toHaveValue('1.0');

    // 随机抽题 wants equal points: the save waits until they are.
    await user.click(within(vocabulary).getByRole('checkbox', { name: '随机抽题' }));
    expect(
      within(vocabulary).getByText('随机抽题的大题中每题分值须相同，否则考生的总分会不同'),
    ).toBeInTheDocument();
    expect(screen.getByText('第1大题随机抽题，每题分值须相同')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /保存试卷/ })).toBeDisabled();
    const points = within(vocabulary).getByLabelText('第1大题第3题分值');
    await user.clear(points);
    await user.type(points, '2');
    expect(screen.queryByText('第1大题随机抽题，每题分值须相同')).toBeNull();
    const draw = within(vocabulary).getByLabelText('每位考生随机抽取');
    await user.clear(draw);
    await user.type(draw, '2');
    expect(within(vocabulary).getByText('题（题池共 3 题）')).toBeInTheDocument();
    expect(within(vocabulary).getByText('本大题 4 分')).toBeInTheDocument();
    await user.click(within(vocabulary).getByRole('button', { name: '下移第1大题第1题' }));

    const essay = within(sectionCard(3)).getByLabelText('第3大题第1题分值');
    await user.clear(essay);
    await user.type(essay, '20');
    expect(summary('总分')).toBe('26');
    expect(screen.getByText('有未保存的修改')).toHaveAttribute('role', 'status');

    await user.click(screen.getByRole('button', { name: /保存试卷/ }));
    expect(await screen.findByText('试卷已保存（第 1 版）')).toBeInTheDocument();
    expect(api.requestsTo(saveExamPaper)[0]?.body).toEqual({
      title: '2026年成人学位英语考试',
      passMark: 12,
      baseVersion: 1,
      sections: [
        {
          title: '一、词汇',
          instructions: '从四个选项中选出最佳答案。',
          shuffleQuestions: false,
          shuffleOptions: true,
          drawCount: 2,
          questions: [
            { bankQuestionId: bankId(2), points: 2 },
            { bankQuestionId: bankId(1), points: 2 },
            { bankQuestionId: bankId(5), points: 2 },
          ],
        },
        expect.objectContaining({ questions: [{ bankQuestionId: bankId(3), points: 2 }] }),
        expect.objectContaining({ questions: [{ bankQuestionId: bankId(4), points: 20 }] }),
      ],
    });
    // The form now shows the paper as saved.
    await vi.waitFor(() => expect(screen.getByText('已保存（第 1 版）')).toBeInTheDocument());
    expect(screen.queryByText('未保存')).toBeNull();
  });

  it('asks before saving a frozen paper, and offers a reload when someone saved first', async () => {
    const frozenAt = '2026-12-03T01:00:00.000Z';
    const api = serverWith(formalPaper({ frozenAt })).on(
      saveExamPaper,
      refuse('PAPER_VERSION_CONFLICT'),
    );
    const { user } = renderPage(api);

    expect(
      await screen.findByText('已冻结：已有考生作答，保存将生成第 2 版，已作答的考生保持原卷'),
    ).toBeInTheDocument();
    const title = screen.getByLabelText('试卷标题');
    await user.clear(title);
    await user.type(title, '2026年成人学位英语考试（B卷）');
    await user.click(screen.getByRole('button', { name: /保存试卷/ }));
    expect(await screen.findByText('保存为第 2 版？')).toBeInTheDocument();
    expect(api.requestsTo(saveExamPaper)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '保存为第 2 版' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '试卷已被他人修改，请刷新后在最新版本上编辑',
    );
    expect(api.requestsTo(saveExamPaper)[0]?.body).toMatchObject({
      title: '2026年成人学位英语考试（B卷）',
      baseVersion: 1,
    });
    expect(screen.getByRole('button', { name: /保存试卷/ })).toBeDisabled();

    api.on(getExamPaper, { paper: formalPaper({ version: 2, title: '他人保存的标题', frozenAt }) });
    await user.click(screen.getByRole('button', { name: '重新加载最新版本' }));
    await vi.waitFor(() => expect(summary('版本')).toBe('第 2 版'));
    expect(screen.getByLabelText('试卷标题')).toHaveValue('他人保存的标题');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/保存将生成第 3 版/)).toBeInTheDocument();
  });

  it('previews the paper as a candidate sees it, with the keys', async () => {
    const { user } = renderPage(serverWith());
    await user.click(await screen.findByRole('button', { name: /预览/ }));
    const preview = await screen.findByRole('dialog', { name: '预览（考生所见，含答案）' });

    expect(within(preview).getByRole('heading', { name: '2026年成人学位英语考试' })).toBeVisible();
    expect(within(preview).getByText('满分 21 分 · 及格线 12 分')).toBeInTheDocument();
    expect(within(preview).getByRole('heading', { name: '第1题' })).toBeInTheDocument();
    const until = within(preview).getByRole('radio', { name: 'A. until' });
    expect(until).toBeChecked();
    expect(until).toBeDisabled();
    expect(within(preview).getAllByText('答案：A')).toHaveLength(1);
    expect(within(preview).getByText('答案：B')).toBeInTheDocument();
    expect(within(preview).getByText('When the city library…')).toBeInTheDocument();
    expect(within(preview).getByText('答案：错误')).toBeInTheDocument();
    expect(within(preview).getByText('参考答案：描写家乡的景色与变化')).toBeInTheDocument();
    expect(within(preview).getByText('选项顺序因人而异')).toBeInTheDocument();
  });

  it('starts the mock paper empty and saves it as a new paper', async () => {
    const api = serverWith();
    const { user } = renderPage(api);
    await user.click(await screen.findByRole('tab', { name: '模拟试卷' }));
    await vi.waitFor(() => expect(screen.getAllByText('新试卷（尚未保存）')).toHaveLength(1));
    expect(screen.getByText('请填写试卷标题')).toBeInTheDocument();
    expect(screen.getByText('第1大题还没有题目')).toBeInTheDocument();

    const mock = screen.getByRole('tabpanel', { name: '模拟试卷' });
    await user.type(within(mock).getByLabelText('试卷标题'), '模拟卷');
    await user.click(within(mock).getByRole('button', { name: '从题库添加到第1大题' }));
    const picker = await screen.findByRole('dialog', { name: '从题库添加到第1大题' });
    await user.click(within(picker).getByRole('button', { name: '添加全部 3 道符合条件的题' }));
    expect(await screen.findByText('已添加 3 道题')).toBeInTheDocument();
    await user.click(within(mock).getByRole('button', { name: /保存试卷/ }));
    await vi.waitFor(() => expect(api.requestsTo(saveExamPaper)).toHaveLength(1));
    expect(api.requestsTo(saveExamPaper)[0]).toMatchObject({
      params: { kind: 'mock' },
      body: {
        title: '模拟卷',
        baseVersion: null,
        passMark: null,
        sections: [
          {
            title: '新大题',
            drawCount: null,
            questions: bank.map((q) => ({ bankQuestionId: q.id, points: q.defaultPoints })),
          },
        ],
      },
    });
  });
});
