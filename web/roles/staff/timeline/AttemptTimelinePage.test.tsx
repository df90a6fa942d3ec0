import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  getAttemptTimeline,
  type AttemptTimeline,
  type TimelineEntry,
} from '../../../../shared/api/attempt-timeline.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { AttemptTimelinePage } from './AttemptTimelinePage.js';

const SESSION_ID = '00000000-0000-4000-8000-0000000000e2';
const REGISTRATION_ID = '00000000-0000-4000-8000-0000000000a1';

const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  at: '2026-12-20T01:00:00.000Z',
  kind: 'event',
  isSignal: false,
  detail: {},
  actorName: null,
  ...overrides,
});

// Times in UTC; the school is in Beijing (UTC+8): 01:00:00Z reads 09:00:00.
const TIMELINE: AttemptTimeline = {
  registrationId: REGISTRATION_ID,
  candidate: { name: '李四', admissionNumber: 'WRT2026001' },
  examName: '2026年成人学位外语在线考试',
  sessionName: '第一考场',
  attempt: {
    state: 'submitted',
    startedAt: '2026-12-20T01:00:00.000Z',
    deadline: '2026-12-20T03:00:00.000Z',
    submittedAt: '2026-12-20T01:40:00.000Z',
    submitReason: 'forced',
    extraMinutes: 0,
    compensationMinutes: 0,
  },
  entries: [
    entry({ kind: 'attempt_started', actorName: '李四' }),
    entry({
      at: '2026-12-20T01:05:07.000Z',
      eventType: 'page_hidden',
      isSignal: true,
      clientAt: '2026-12-20T01:05:05.000Z',
    }),
    entry({ at: '2026-12-20T01:05:30.000Z', eventType: 'page_visible' }),
    entry({
      at: '2026-12-20T01:10:00.000Z',
      eventType: 'clipboard_paste',
      isSignal: true,
      detail: { blocked: true },
    }),
    entry({
      at: '2026-12-20T01:20:00.000Z',
      kind: 'warning_sent',
      detail: { text: '<b>请坐正</b>' },
      actorName: '监考员 吴老师',
    }),
    entry({
      at: '2026-12-20T01:40:00.000Z',
      kind: 'submitted',
      detail: { reason: 'forced', forcedReason: '多次离开考试页面' },
      actorName: '监考员 吴老师',
    }),
  ],
  generatedAt: '2026-12-20T02:00:00.000Z',
};

const renderAs = (role: 'proctor' | 'school_admin', api: FakeApi) =>
  render(<AttemptTimelinePage />, {
    path: '/:area/sessions/:sessionId/attempts/:registrationId/timeline',
    url: `/${role === 'proctor' ? 'proctor' : 'admin'}/sessions/${SESSION_ID}/attempts/${REGISTRATION_ID}/timeline`,
    user: sessionUser({ role }),
    api,
  });

const listItems = () =>
  within(screen.getByRole('list', { name: '时间线记录' })).getAllByRole('listitem');

describe('AttemptTimelinePage (作答时间线)', () => {
  it('lists what happened by server time, in words, signals marked with text', async () => {
    renderAs('proctor', new FakeApi().on(getAttemptTimeline, TIMELINE));
    expect(
      await screen.findByRole('heading', { level: 1, name: '作答时间线 · 李四（WRT2026001）' }),
    ).toBeInTheDocument();
    expect(screen.getByText('异常记录').closest('tr')).toHaveTextContent('异常记录2 条');
    const items = listItems();
    expect(items).toHaveLength(6);
    expect(items[0]).toHaveTextContent('09:00:00');
    expect(items[0]).toHaveTextContent('开始作答');
    // A signal says so in words, not only in colour; the page's clock is shown as information.
    expect(items[1]).toHaveTextContent('09:05:07');
    expect(within(items[1] as HTMLElement).getByText('异常')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('离开考试页面');
    expect(items[1]).toHaveTextContent('考生电脑时间 09:05:05（仅供参考）');
    expect(within(items[2] as HTMLElement).queryByText('异常')).not.toBeInTheDocument();
    expect(items[3]).toHaveTextContent('粘贴');
    expect(items[3]).toHaveTextContent('已阻止');
    // A proctor's text is shown as it was typed, never as markup.
    expect(items[4]).toHaveTextContent('内容：<b>请坐正</b>');
    expect(items[4]).toHaveTextContent('操作人：监考员 吴老师');
    expect(items[5]).toHaveTextContent('监考强制交卷；原因：多次离开考试页面');
    expect(screen.getByRole('link', { name: '返回作答情况' })).toHaveAttribute(
      'href',
      `/proctor/sessions/${SESSION_ID}/attempts`,
    );
  });

  it('filters by kind and to signals only, and says how many are shown', async () => {
    const page = renderAs('proctor', new FakeApi().on(getAttemptTimeline, TIMELINE));
    const groups = await screen.findByRole('group', { name: '按类别显示' });
    await page.user.click(within(groups).getByRole('checkbox', { name: '复制粘贴（1）' }));
    expect(listItems()).toHaveLength(5);
    expect(screen.getByText(/显示 5 \/ 6 条/)).toBeInTheDocument();
    expect(screen.queryByText('粘贴')).not.toBeInTheDocument();
    await page.user.click(screen.getByRole('checkbox', { name: '只看异常' }));
    expect(listItems()).toHaveLength(1);
    expect(listItems()[0]).toHaveTextContent('离开考试页面');
    await page.user.click(within(groups).getByRole('checkbox', { name: '离开页面/窗口（2）' }));
    expect(screen.getByText('没有符合筛选条件的记录')).toBeInTheDocument();
  });

  it('offers the HTML report to download', async () => {
    renderAs('school_admin', new FakeApi().on(getAttemptTimeline, TIMELINE));
    const download = await screen.findByRole('link', { name: /下载报告/ });
    expect(download).toHaveAttribute(
      'href',
      `/api/registrations/${REGISTRATION_ID}/attempt/timeline/report`,
    );
    expect(download).toHaveAttribute('download');
    expect(screen.getByRole('link', { name: '返回作答情况' })).toHaveAttribute(
      'href',
      `/admin/sessions/${SESSION_ID}/attempts`,
    );
  });

  it("shows the AI monitor's snapshot of a flag, larger on click", async () => {
    const eventId = '00000000-0000-4000-8000-0000000000f1';
    const flagged = {
      ...TIMELINE,
      entries: [
        ...TIMELINE.entries,
        entry({
          at: '2026-12-20T01:30:00.000Z',
          eventType: 'ai_no_face',
          eventId,
          hasSnapshot: true,
          isSignal: true,
        }),
        entry({
          at: '2026-12-20T01:31:00.000Z',
          eventType: 'ai_looking_away',
          eventId: '00000000-0000-4000-8000-0000000000f2',
          hasSnapshot: false,
          isSignal: true,
        }),
      ],
    };
    const page = renderAs('proctor', new FakeApi().on(getAttemptTimeline, flagged));
    const image = await screen.findByRole('img', {
      name: '截图：AI 监考：未检测到人脸，09:30:00',
    });
    expect(image).toHaveAttribute(
      'src',
      `/api/registrations/${REGISTRATION_ID}/attempt/events/${eventId}/snapshot`,
    );
    // Only the flag whose picture arrived shows one.
    expect(screen.getAllByRole('img', { name: /^截图：/ })).toHaveLength(1);
    await page.user.click(image);
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
  });

  it('says when the candidate has not started', async () => {
    renderAs(
      'proctor',
      new FakeApi().on(getAttemptTimeline, { ...TIMELINE, attempt: null, entries: [] }),
    );
    expect(await screen.findByText('考生尚未开始作答，暂无记录。')).toBeInTheDocument();
  });

  it('shows a load error the user can retry', async () => {
    renderAs('proctor', new FakeApi().on(getAttemptTimeline, refuse('NOT_FOUND')));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /重试|重新加载/ })).toBeInTheDocument();
  });
});
