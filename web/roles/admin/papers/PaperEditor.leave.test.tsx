import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getAdminExam } from '../../../../shared/api/exam-admin.js';
import {
  getExamPaper,
  saveExamPaper,
  type AdminPaper,
  type PaperBody,
} from '../../../../shared/api/papers.js';
import { FakeApi } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import {
  exam,
  formalPaper,
  paperFromBody,
  PAPERS_PATH,
  PAPERS_URL,
} from './papers-fixtures.test-support.js';
import { PapersPage } from './PapersPage.js';

// Leaving the paper editor with unsaved changes asks first (useLeaveGuard); a mock paper that
// candidates practised on says, before the save, that those attempts keep the version they sat.

const admin = sessionUser({ role: 'school_admin', name: '学校管理员' });
const TITLE = '2026年成人学位英语考试';
const LEAVE = '试卷有未保存的修改，确定离开吗？';

function serverWith(mock: AdminPaper | null = null) {
  return new FakeApi()
    .on(getAdminExam, exam)
    .on(getExamPaper, (request) => ({
      paper: request.params.kind === 'formal' ? formalPaper() : mock,
    }))
    .on(saveExamPaper, (request) => ({ paper: paperFromBody(request.body as PaperBody, 1) }));
}

async function openPage(api = serverWith()) {
  const rendered = render(<PapersPage />, { user: admin, api, path: PAPERS_PATH, url: PAPERS_URL });
  await screen.findByRole('heading', { level: 2, name: '第1大题：一、词汇' });
  return rendered;
}

/** Whether closing or reloading the tab now would make the browser ask first. */
function browserWouldAsk(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('PapersPage, leaving with unsaved changes', () => {
  it('asks before a link leaves the edits: 继续编辑 keeps them, 离开 leaves', async () => {
    const { user, location } = await openPage();
    expect(browserWouldAsk()).toBe(false);
    const title = screen.getByLabelText('试卷标题');
    await user.type(title, '（B卷）');
    expect(screen.getByText('有未保存的修改')).toHaveAttribute('role', 'status');
    expect(browserWouldAsk()).toBe(true);

    await user.click(screen.getByRole('link', { name: '考试管理' }));
    const dialog = await screen.findByRole('dialog', { name: LEAVE });
    await user.click(within(dialog).getByRole('button', { name: '继续编辑' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: LEAVE })).toBeNull());
    expect(location()).toBe(PAPERS_URL);
    expect(screen.getByLabelText('试卷标题')).toHaveValue(`${TITLE}（B卷）`);

    await user.click(screen.getByRole('link', { name: '考试管理' }));
    const again = await screen.findByRole('dialog', { name: LEAVE });
    await user.click(within(again).getByRole('button', { name: '离开' }));
    expect(await screen.findByTestId('elsewhere')).toHaveTextContent('/admin/exams');
    expect(browserWouldAsk()).toBe(false);
  });

  it('lets the admin go without asking once the edits are saved or undone', async () => {
    const { user, location, api } = await openPage();
    const title = screen.getByLabelText('试卷标题');
    await user.type(title, 'X');
    expect(browserWouldAsk()).toBe(true);
    // Typed away by hand: nothing a save would change, nothing to lose.
    await user.type(title, '{Backspace}');
    expect(browserWouldAsk()).toBe(false);

    await user.type(title, '（B卷）');
    await user.click(screen.getByRole('button', { name: /保存试卷/ }));
    expect(await screen.findByText('已保存（第 1 版）')).toHaveAttribute('role', 'status');
    expect(api.requestsTo(saveExamPaper)).toHaveLength(1);
    expect(browserWouldAsk()).toBe(false);
    await user.click(screen.getByRole('link', { name: '考试管理' }));
    expect(await screen.findByTestId('elsewhere')).toHaveTextContent('/admin/exams');
    expect(screen.queryByRole('dialog', { name: LEAVE })).toBeNull();
    expect(location()).toBe('/admin/exams');
  });

  it('asks in English too', async () => {
    const api = serverWith();
    const { user } = render(<PapersPage />, {
      user: { ...admin, locale: 'en' },
      api,
      path: PAPERS_PATH,
      url: PAPERS_URL,
      language: 'en',
    });
    await user.type(await screen.findByLabelText('Paper title'), ' (B)');
    expect(screen.getByText('Unsaved changes')).toHaveAttribute('role', 'status');
    await user.click(screen.getByRole('link', { name: 'Exams' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'The paper has unsaved changes. Leave anyway?',
    });
    expect(within(dialog).getByRole('button', { name: 'Keep editing' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Leave' }));
    expect(await screen.findByTestId('elsewhere')).toHaveTextContent('/admin/exams');
  });

  it('keeps both drafts across the tabs, and asks for the one out of sight', async () => {
    const { user, location } = await openPage();
    await user.type(screen.getByLabelText('试卷标题'), '（B卷）');
    const formalTab = screen.getByRole('tab', { name: '正式试卷 未保存' });

    await user.click(screen.getByRole('tab', { name: '模拟试卷' }));
    const mock = await screen.findByRole('tabpanel', { name: '模拟试卷' });
    await within(mock).findByText('新试卷（尚未保存）');
    await user.click(screen.getByRole('link', { name: '考试管理' }));
    const dialog = await screen.findByRole('dialog', { name: LEAVE });
    await user.click(within(dialog).getByRole('button', { name: '继续编辑' }));
    expect(location()).toBe(PAPERS_URL);

    await user.click(formalTab);
    const formal = screen.getByRole('tabpanel', { name: /正式试卷/ });
    expect(within(formal).getByLabelText('试卷标题')).toHaveValue(`${TITLE}（B卷）`);
  });
});

describe('PapersPage, a mock paper candidates practised on', () => {
  it('says the practice keeps its version, and asks before saving the next one', async () => {
    const practised = formalPaper({ kind: 'mock', title: '模拟卷', version: 2, attemptCount: 3 });
    const api = serverWith(practised);
    const { user } = await openPage(api);
    await user.click(screen.getByRole('tab', { name: '模拟试卷' }));
    const mock = await screen.findByRole('tabpanel', { name: '模拟试卷' });

    expect(await within(mock).findByRole('note')).toHaveTextContent(
      '第 2 版已有 3 次模拟练习：保存将生成第 3 版，这些练习（包括进行中的）的作答和成绩仍按第 2 版；之后开始的模拟练习使用新版本',
    );
    expect(within(mock).getByText('已有模拟练习')).toBeInTheDocument();
    await user.type(within(mock).getByLabelText('试卷标题'), '（新）');
    await user.click(within(mock).getByRole('button', { name: /保存试卷/ }));
    expect(await screen.findByText('保存为第 3 版？')).toBeInTheDocument();
    expect(
      screen.getByText(
        '第 2 版已有 3 次模拟练习，它们的作答和成绩保持第 2 版不变；之后开始的模拟练习使用新版本。',
      ),
    ).toBeInTheDocument();
    expect(api.requestsTo(saveExamPaper)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: '保存为第 3 版' }));
    await vi.waitFor(() => expect(api.requestsTo(saveExamPaper)).toHaveLength(1));
    expect(api.requestsTo(saveExamPaper)[0]).toMatchObject({
      params: { kind: 'mock' },
      body: { title: '模拟卷（新）', baseVersion: 2 },
    });
  });
});
