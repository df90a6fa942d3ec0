import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMyCheckIn } from '../../../../../shared/api/check-in.js';
import { recordMyAttemptEvents } from '../../../../../shared/api/attempt-events.js';
import { getMyAttempt } from '../../../../../shared/api/written-exam.js';
import { FakeApi } from '../../../../test/fake-api.js';
import { attemptView, myAttempt } from '../written-exam-fixtures.test-support.js';
import { renderExam, WRITTEN } from '../written-exam-page.test-support.js';
import { attemptLockName } from '../useAttemptLock.js';

// What the candidate's page watches during the written exam (issue 15 §1): leaving the page
// and the notice on coming back, copy and paste, a second screen, a second tab, the network.
// jsdom has no focus of its own, no second screen and no Web Locks: each is set by hand.

interface SentEvent {
  type: string;
  detail?: Record<string, unknown>;
}
const sentEvents = (api: FakeApi) =>
  api
    .requestsTo(recordMyAttemptEvents)
    .flatMap((request) => (request.body as { events: SentEvent[] }).events);
const sentTypes = (api: FakeApi) => sentEvents(api).map((event) => event.type);

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

async function openPaper(rules: { copyPasteBlocked?: boolean } = {}) {
  const api = new FakeApi().on(getMyAttempt, myAttempt(attemptView(), rules));
  const page = renderExam(api);
  expect(await screen.findByRole('heading', { name: '第1题' })).toBeInTheDocument();
  return { api, page };
}

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'visibilityState');
  Reflect.deleteProperty(window.screen, 'isExtended');
  Reflect.deleteProperty(navigator, 'locks');
  sessionStorage.clear();
  localStorage.clear();
});

describe('the written exam page watches', () => {
  it('tells before the start what it records, and that copy and paste are not allowed', async () => {
    const api = new FakeApi()
      .on(getMyAttempt, myAttempt(null, { copyPasteBlocked: true, screenShareRequired: true }))
      .on(getMyCheckIn, { ...WRITTEN, canEnter: false, enterBlock: 'not_open' });
    renderExam(api);
    const watched = await screen.findByRole('region', { name: /考试期间系统会记录以下情况/ });
    const items = within(watched)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toContain('复制、剪切、粘贴和右键菜单（本场考试禁止使用）');
    expect(items).toContain('屏幕共享中断');
    expect(items.some((item) => item.startsWith('离开考试页面'))).toBe(true);
  });

  it('logs leaving the page, and on coming back shows a notice the candidate must confirm', async () => {
    const { api, page } = await openPaper();
    setVisibility('hidden');
    setVisibility('visible');
    const notice = await screen.findByRole('dialog', { name: '您离开了考试页面' });
    expect(notice).toHaveTextContent('这是您本场考试第 1 次离开考试页面');
    await page.user.click(within(notice).getByRole('button', { name: '我知道了，继续作答' }));
    await waitFor(() =>
      expect(sentTypes(api)).toEqual(['page_hidden', 'page_visible', 'leave_notice_confirmed']),
    );
    expect(sentEvents(api)[2]?.detail).toEqual({ count: 1 });

    setVisibility('hidden');
    setVisibility('visible');
    expect(await screen.findByRole('dialog', { name: '您离开了考试页面' })).toHaveTextContent(
      '第 2 次',
    );
  });

  it('logs another window on top (blur while in sight), but not the file picker it opened', async () => {
    const { api } = await openPaper();
    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('blur'));
    });
    await waitFor(() => expect(sentTypes(api)).toEqual(['window_blurred']));
    // Back five seconds later.
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 5_000);
    hasFocus.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByRole('dialog', { name: '您离开了考试页面' })).toBeInTheDocument();
    await waitFor(() => expect(sentTypes(api)).toEqual(['window_blurred', 'window_focused']));
    expect(sentEvents(api)[1]?.detail?.awayMs).toBeGreaterThanOrEqual(5_000);

    // A file input clicked inside the paper: the blur that follows is the picker's.
    const input = document.createElement('input');
    input.type = 'file';
    screen.getByRole('heading', { name: '第1题' }).append(input);
    hasFocus.mockReturnValue(false);
    act(() => {
      input.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      window.dispatchEvent(new Event('blur'));
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sentTypes(api)).toEqual(['window_blurred', 'window_focused']);
  });

  it('stops copy and paste where the exam blocks them, says why, and logs each kind once in a while', async () => {
    const { api } = await openPaper({ copyPasteBlocked: true });
    const stem = screen.getByRole('heading', { name: '第1题' });
    expect(fireEvent.paste(stem)).toBe(false);
    expect(fireEvent.paste(stem)).toBe(false);
    expect(fireEvent.contextMenu(stem)).toBe(false);
    expect(
      await screen.findByText('本场考试禁止复制、粘贴和右键菜单，此次操作已记录。'),
    ).toBeInTheDocument();
    await waitFor(() => expect(sentTypes(api)).toEqual(['clipboard_paste', 'context_menu']));
    expect(sentEvents(api)[0]?.detail).toEqual({ blocked: true, tries: 1 });
  });

  it('lets copy work where the exam allows it, and logs it', async () => {
    const { api } = await openPaper({ copyPasteBlocked: false });
    expect(fireEvent.copy(screen.getByRole('heading', { name: '第1题' }))).toBe(true);
    await waitFor(() => expect(sentTypes(api)).toEqual(['clipboard_copy']));
    expect(sentEvents(api)[0]?.detail).toEqual({ blocked: false, tries: 1 });
    expect(screen.queryByText(/本场考试禁止复制/)).not.toBeInTheDocument();
  });

  it('says and logs a second screen', async () => {
    Object.defineProperty(window.screen, 'isExtended', { configurable: true, value: true });
    const { api } = await openPaper();
    expect(await screen.findByRole('alert')).toHaveTextContent('检测到您的电脑连接了多个显示器');
    await waitFor(() => expect(sentTypes(api)).toEqual(['screen_extended']));
  });

  it('says and logs the same attempt opened in another tab', async () => {
    const waiting: { name: string }[] = [];
    Object.defineProperty(navigator, 'locks', {
      configurable: true,
      value: {
        request: (_name: string, _options: unknown, held: () => Promise<void>) => held(),
        query: () => Promise.resolve({ held: [], pending: waiting }),
      },
    });
    const { api } = await openPaper();
    expect(screen.queryByText(/已在另一个标签页/)).not.toBeInTheDocument();
    waiting.push({ name: attemptLockName(attemptView().attemptId) });
    expect(
      await screen.findByText(/本场考试已在另一个标签页或窗口中打开/, undefined, {
        timeout: 5_000,
      }),
    ).toBeInTheDocument();
    await waitFor(() => expect(sentTypes(api)).toEqual(['second_tab']));
  });

  it('logs the network going away while offline and sends it once back', async () => {
    const { api } = await openPaper();
    api.on(recordMyAttemptEvents, () => {
      throw new TypeError('Failed to fetch');
    });
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    await waitFor(() => expect(api.requestsTo(recordMyAttemptEvents)).toHaveLength(1));
    api.on(recordMyAttemptEvents, (request) => ({
      stored: (request.body as { events: unknown[] }).events.length,
      duplicates: 0,
    }));
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() =>
      expect(sentTypes(api).slice(-2)).toEqual(['network_offline', 'network_online']),
    );
  });
});
