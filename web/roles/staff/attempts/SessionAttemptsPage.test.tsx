import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  addAttemptTime,
  forceSubmitAttempt,
  listSessionAttempts,
  type AttemptProgress,
} from '../../../../shared/api/attempt-progress.js';
import { sendAttemptWarning } from '../../../../shared/api/attempt-warnings.js';
import { FakeApi } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { SessionAttemptsPage } from './SessionAttemptsPage.js';

const SESSION_ID = '00000000-0000-4000-8000-0000000000e2';
const NOW = '2026-12-20T01:30:00.000Z';

const row = (overrides: Partial<AttemptProgress>): AttemptProgress => ({
  registrationId: '00000000-0000-4000-8000-0000000000a1',
  admissionNumber: 'WRT2026001',
  candidateName: '李四',
  state: 'in_progress',
  startedAt: '2026-12-20T01:00:00.000Z',
  answeredCount: 7,
  questionCount: 23,
  deadline: '2026-12-20T02:30:00.000Z',
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
  row({ screenShared: false, pageHiddenCount: 3 }),
  row({
    registrationId: '00000000-0000-4000-8000-0000000000a2',
    admissionNumber: 'WRT2026002',
    candidateName: '王五',
    state: 'submitted',
    answeredCount: 23,
    submittedAt: '2026-12-20T01:25:00.000Z',
    submitReason: 'inactivity',
  }),
  row({
    registrationId: '00000000-0000-4000-8000-0000000000a3',
    admissionNumber: 'WRT2026003',
    candidateName: '赵六',
    state: 'not_started',
    answeredCount: 0,
    questionCount: 0,
    startedAt: null,
    deadline: null,
  }),
];

const renderAs = (role: 'proctor' | 'school_admin', api: FakeApi) =>
  render(<SessionAttemptsPage />, {
    path: '/:area/sessions/:sessionId/attempts',
    url: `/${role === 'proctor' ? 'proctor' : 'admin'}/sessions/${SESSION_ID}/attempts`,
    user: sessionUser({ role }),
    api,
  });

describe('SessionAttemptsPage (笔试作答情况)', () => {
  it("shows each candidate's state, answered count, time left and how the paper was submitted", async () => {
    const api = new FakeApi().on(listSessionAttempts, {
      serverTime: NOW,
      items: ITEMS,
      canForceSubmit: false,
    });
    renderAs('proctor', api);
    expect(
      await screen.findByText('共 3 人：作答中 1 人，已交卷 1 人，未开始 1 人'),
    ).toBeInTheDocument();
    const li = screen.getByRole('row', { name: /李四/ });
    expect(li).toHaveTextContent('作答中');
    expect(li).toHaveTextContent('7 / 23 题');
    // One hour left on the server's clock, whatever the browser's says.
    expect(within(li).getByText(/^(59:5\d|1:00:00)$/)).toBeInTheDocument();
    const wang = screen.getByRole('row', { name: /王五/ });
    expect(wang).toHaveTextContent('已交卷');
    expect(wang).toHaveTextContent('长时间无操作自动交卷');
    expect(screen.getByRole('row', { name: /赵六/ })).toHaveTextContent('未开始');
    // The exam asks for the screen: 李四's is not shared now, and he left the page three times.
    expect(screen.getByRole('columnheader', { name: '屏幕共享' })).toBeInTheDocument();
    expect(within(li).getByText('未共享')).toBeInTheDocument();
    expect(li).toHaveTextContent('3 次');
    // Only admins add time; this proctor is not one of the session's (no 强制交卷 either).
    expect(screen.queryByRole('button', { name: /加时/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /强制交卷/ })).not.toBeInTheDocument();
  });

  it('says which screens are shared right now', async () => {
    const sharing = row({ screenShared: true, pageHiddenCount: 0 });
    const api = new FakeApi().on(listSessionAttempts, {
      serverTime: NOW,
      items: [sharing],
      canForceSubmit: false,
    });
    renderAs('proctor', api);
    const li = await screen.findByRole('row', { name: /李四/ });
    expect(within(li).getByText('共享中')).toBeInTheDocument();
    expect(li).toHaveTextContent('0 次');
  });

  it('says whose PC is offline, each outage, and the time it gave back', async () => {
    const away = row({
      connection: 'away',
      compensationMinutes: 4,
      outages: [
        {
          startedAt: '2026-12-20T01:05:00.000Z',
          endedAt: '2026-12-20T01:08:30.000Z',
          lostSeconds: 210,
          compensationMinutes: 4,
          outcome: 'compensated',
        },
        {
          startedAt: '2026-12-20T01:20:00.000Z',
          endedAt: null,
          lostSeconds: null,
          compensationMinutes: 0,
          outcome: null,
        },
      ],
    });
    const online = row({
      registrationId: '00000000-0000-4000-8000-0000000000a2',
      admissionNumber: 'WRT2026002',
      candidateName: '王五',
    });
    const api = new FakeApi().on(listSessionAttempts, {
      serverTime: NOW,
      items: [away, online],
      canForceSubmit: false,
    });
    renderAs('proctor', api);
    const li = await screen.findByRole('row', { name: /李四/ });
    expect(within(li).getByText('离线')).toBeInTheDocument();
    expect(li).toHaveTextContent('（含断线补时 4 分钟）');
    expect(li).toHaveTextContent(/断线 03:30；补时 4 分钟/);
    expect(li).toHaveTextContent(/起断线中/);
    const wang = screen.getByRole('row', { name: /王五/ });
    expect(within(wang).getByText('在线')).toBeInTheDocument();
    expect(within(wang).getByText('无')).toBeInTheDocument();
  });

  it("counts each candidate's signals in words and links the session's proctor to the timeline", async () => {
    const watched = row({ signalCounts: { page_hidden: 3, clipboard_paste: 1 } });
    const api = new FakeApi().on(listSessionAttempts, {
      serverTime: NOW,
      items: [watched, ...ITEMS.slice(1)],
      canForceSubmit: true,
    });
    renderAs('proctor', api);
    const li = await screen.findByRole('row', { name: /李四/ });
    expect(screen.getByRole('columnheader', { name: '异常' })).toBeInTheDocument();
    expect(li).toHaveTextContent('共 4 次');
    expect(li).toHaveTextContent('离开页面 3 次 · 粘贴 1 次');
    expect(screen.getByRole('row', { name: /王五/ })).toHaveTextContent('0 次');
    const link = within(li).getByRole('link', { name: '查看 李四 的作答时间线' });
    expect(link).toHaveAttribute(
      'href',
      `/proctor/sessions/${SESSION_ID}/attempts/${watched.registrationId}/timeline`,
    );
    // Who has not started has nothing to show yet.
    const zhao = screen.getByRole('row', { name: /赵六/ });
    expect(within(zhao).queryByRole('link')).not.toBeInTheDocument();
  });

  it('offers no timeline to a proctor who does not proctor this session', async () => {
    const api = new FakeApi().on(listSessionAttempts, {
      serverTime: NOW,
      items: ITEMS,
      canForceSubmit: false,
    });
    renderAs('proctor', api);
    await screen.findByRole('row', { name: /李四/ });
    expect(screen.queryByRole('link', { name: /作答时间线/ })).not.toBeInTheDocument();
  });

  it('lets an admin add time to a candidate in progress, and says the new deadline', async () => {
    const api = new FakeApi()
      .on(listSessionAttempts, { serverTime: NOW, items: ITEMS, canForceSubmit: true })
      .on(addAttemptTime, row({ extraMinutes: 10, deadline: '2026-12-20T02:40:00.000Z' }));
    const page = renderAs('school_admin', api);
    const button = await screen.findByRole('button', { name: '为 李四 加时' });
    expect(screen.getAllByRole('button', { name: /加时/ })).toHaveLength(1);
    await page.user.click(button);
    const dialog = await screen.findByRole('dialog', { name: '为 李四 加时' });
    const minutes = within(dialog).getByLabelText('加时（分钟）');
    await page.user.clear(minutes);
    await page.user.type(minutes, '15');
    await page.user.click(within(dialog).getByRole('button', { name: '确认加时' }));
    expect(await screen.findByText(/已为 李四 加时 15 分钟/)).toBeInTheDocument();
    expect(api.requestsTo(addAttemptTime).map((request) => request.body)).toEqual([
      { minutes: 15 },
    ]);
  });

  it("lets the session's proctor force-submit with a reason, and shows the row submitted", async () => {
    let isForced = false;
    const forced = row({
      state: 'submitted',
      submittedAt: NOW,
      submitReason: 'forced',
      screenShared: false,
      pageHiddenCount: 3,
    });
    const api = new FakeApi()
      .on(listSessionAttempts, () => ({
        serverTime: NOW,
        items: isForced ? [forced, ...ITEMS.slice(1)] : ITEMS,
        canForceSubmit: true,
      }))
      .on(forceSubmitAttempt, () => {
        isForced = true;
        return forced;
      });
    const page = renderAs('proctor', api);
    const button = await screen.findByRole('button', { name: '为 李四 强制交卷' });
    // Only the candidate answering has the button; a proctor adds no time.
    expect(screen.getAllByRole('button', { name: /强制交卷/ })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /加时/ })).not.toBeInTheDocument();
    await page.user.click(button);
    const dialog = await screen.findByRole('dialog', { name: '为 李四 强制交卷' });
    expect(dialog).toHaveTextContent('已保存的答案将立即提交，提交后考生不能再作答');
    const reason = within(dialog).getByLabelText('强制交卷原因');
    await waitFor(() => expect(reason).toHaveFocus());
    const confirm = within(dialog).getByRole('button', { name: '确认强制交卷' });
    // A reason is required: blanks do not count.
    expect(confirm).toBeDisabled();
    await page.user.type(reason, '   ');
    expect(confirm).toBeDisabled();
    await page.user.type(reason, '多次离开考试页面 ');
    await page.user.click(confirm);
    expect(await screen.findByText('已为 李四 强制交卷')).toBeInTheDocument();
    expect(api.requestsTo(forceSubmitAttempt).map((request) => request.body)).toEqual([
      { reason: '多次离开考试页面' },
    ]);
    const li = screen.getByRole('row', { name: /李四/ });
    expect(li).toHaveTextContent('已交卷');
    expect(li).toHaveTextContent('监考强制交卷');
    expect(within(li).queryByRole('button', { name: /强制交卷/ })).not.toBeInTheDocument();
  });

  it("lets the session's proctor send a reminder, and counts it on the row until confirmed", async () => {
    const warned = row({
      screenShared: false,
      pageHiddenCount: 3,
      warningsSent: 1,
      warningsUnconfirmed: 1,
    });
    let isWarned = false;
    const api = new FakeApi()
      .on(listSessionAttempts, () => ({
        serverTime: NOW,
        items: isWarned ? [warned, ...ITEMS.slice(1)] : ITEMS,
        canForceSubmit: true,
      }))
      .on(sendAttemptWarning, () => {
        isWarned = true;
        return warned;
      });
    const page = renderAs('proctor', api);
    const button = await screen.findByRole('button', { name: '向 李四 发送提醒' });
    expect(screen.getAllByRole('button', { name: /发送提醒/ })).toHaveLength(1);
    expect(screen.getByRole('row', { name: /李四/ })).toHaveTextContent('已发 0 条，0 条未确认');
    await page.user.click(button);
    const dialog = await screen.findByRole('dialog', { name: '向 李四 发送提醒' });
    const text = within(dialog).getByLabelText('提醒内容');
    await waitFor(() => expect(text).toHaveFocus());
    const send = within(dialog).getByRole('button', { name: '发送提醒' });
    // Two characters at least; blanks do not count.
    expect(send).toBeDisabled();
    await page.user.type(text, ' 请 ');
    expect(send).toBeDisabled();
    await page.user.type(text, '坐正，不要左顾右盼');
    await page.user.click(send);
    expect(await screen.findByText('已向 李四 发送提醒')).toBeInTheDocument();
    expect(api.requestsTo(sendAttemptWarning).map((request) => request.body)).toEqual([
      { text: '请 坐正，不要左顾右盼' },
    ]);
    expect(screen.getByRole('row', { name: /李四/ })).toHaveTextContent('已发 1 条，1 条未确认');
  });
});
