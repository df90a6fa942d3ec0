// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  listSessionAttempts,
  type AttemptProgress,
} from '../../../../shared/api/attempt-progress.js';
import { fakeMediaSession, stubMediaElements } from '../../../call/fake-media.test-support.js';
import { FakeApi } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { ProctorConsolePage } from './ProctorConsolePage.js';

// 监考画面 (issue 15 §2): the session's candidates at once, the ones who need a look first. The
// cameras are the page's media session, a fake here (jsdom has no WebRTC).

const media = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeMediaSession> | null }));
vi.mock('../../../call/usePageMediaSession.js', () => ({
  usePageMediaSession: () => {
    if (!media.current) throw new Error('no fake media session');
    return media.current.session;
  },
}));

const SESSION_ID = '00000000-0000-4000-8000-0000000000e2';
const NOW = new Date().toISOString();
const id = (n: number) => `00000000-0000-4000-8000-0000000000a${String(n)}`;

const row = (n: number, overrides: Partial<AttemptProgress>): AttemptProgress => ({
  registrationId: id(n),
  admissionNumber: `WRT202600${String(n)}`,
  candidateName: `考生${String(n)}`,
  state: 'in_progress',
  startedAt: NOW,
  answeredCount: 7,
  questionCount: 23,
  deadline: new Date(Date.now() + 60 * 60_000).toISOString(),
  lastActivityAt: NOW,
  submittedAt: null,
  submitReason: null,
  extraMinutes: 0,
  compensationMinutes: 0,
  connection: 'online',
  outages: [],
  screenShared: null,
  pageHiddenCount: 0,
  signalCounts: {},
  warningsSent: 0,
  warningsUnconfirmed: 0,
  ...overrides,
});

const ITEMS = [
  row(1, { candidateName: '李四' }),
  row(2, { candidateName: '王五', signalCounts: { ai_no_face: 2, page_hidden: 1 } }),
  row(3, { candidateName: '赵六', connection: 'away' }),
  row(4, { candidateName: '钱七', state: 'submitted', submittedAt: NOW, submitReason: 'manual' }),
];

function renderConsole() {
  const api = new FakeApi().on(listSessionAttempts, {
    serverTime: NOW,
    items: ITEMS,
    canForceSubmit: true,
  });
  return render(<ProctorConsolePage />, {
    path: '/proctor/sessions/:sessionId/console',
    url: `/proctor/sessions/${SESSION_ID}/console`,
    user: sessionUser({ role: 'proctor' }),
    api,
  });
}

const tileNames = () =>
  within(screen.getByRole('list', { name: '考生监控画面' }))
    .getAllByRole('article')
    .map((tile) => tile.getAttribute('aria-label')?.split(' ')[0]);

beforeEach(() => {
  stubMediaElements();
  media.current = fakeMediaSession();
});

describe('ProctorConsolePage (监考画面)', () => {
  it('shows every candidate with both cameras, the one away first, then the one with signals', async () => {
    renderConsole();
    expect(await screen.findByText('共 4 人，显示 4 人；需要关注 2 人')).toBeInTheDocument();
    expect(tileNames()).toEqual(['赵六', '王五', '李四', '钱七']);
    const wang = screen.getByRole('article', { name: /王五/ });
    expect(within(wang).getByText('已答 7/23')).toBeInTheDocument();
    expect(wang).toHaveTextContent(/剩余 (59:5\d|1:00:00)/);
    expect(wang).toHaveTextContent('无人脸');
    // Two small cameras per candidate answering; a finished attempt shows its state instead.
    expect(within(wang).getAllByText(/电脑摄像头|手机摄像头/)).toHaveLength(2);
    const qian = screen.getByRole('article', { name: /钱七/ });
    expect(within(qian).queryByText('电脑摄像头')).not.toBeInTheDocument();
    expect(qian).toHaveTextContent('已交卷');
  });

  it('filters to those who need a look and orders by admission number', async () => {
    const page = renderConsole();
    await screen.findByText('共 4 人，显示 4 人；需要关注 2 人');
    await page.user.click(screen.getByRole('radio', { name: '需要关注' }));
    expect(tileNames()).toEqual(['赵六', '王五']);
    await page.user.click(screen.getByRole('radio', { name: '全部' }));
    await page.user.click(screen.getByRole('combobox', { name: '排序' }));
    await page.user.click(await screen.findByTitle('按准考证号'));
    expect(tileNames()).toEqual(['李四', '王五', '赵六', '钱七']);
  });

  it('opens one candidate large with the timeline and the actions', async () => {
    const page = renderConsole();
    await page.user.click(await screen.findByRole('button', { name: '查看 王五' }));
    const drawer = await screen.findByRole('dialog', { name: '王五（WRT2026002）' });
    expect(within(drawer).getByRole('button', { name: /发送提醒/ })).toBeInTheDocument();
    expect(within(drawer).getByRole('button', { name: /强制交卷/ })).toBeInTheDocument();
    expect(within(drawer).getByRole('link', { name: /时间线/ })).toHaveAttribute(
      'href',
      `/proctor/sessions/${SESSION_ID}/attempts/${id(2)}/timeline`,
    );
  });
});
