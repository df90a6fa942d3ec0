import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getMyCheckIn } from '../../../../shared/api/check-in.js';
import {
  getMyAttempt,
  saveMyAnswer,
  startMyAttempt,
  submitMyAttempt,
} from '../../../../shared/api/written-exam.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { memoryStorage } from './answer-storage.js';
import { pageSocket } from '../../../test/fake-socket.js';
import {
  attemptView,
  myAttempt,
  Q,
  REGISTRATION_ID,
} from './written-exam-fixtures.test-support.js';
import {
  acknowledging,
  gridButton,
  offline,
  renderExam,
  savedBodies,
  WRITTEN,
} from './written-exam-page.test-support.js';

const MINUTE = 60_000;
// The question open, 考生须知 confirmed and the marks are kept in this browser's storage.
afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('WrittenExamPage (在线笔试)', () => {
  it('asks to confirm 考生须知, counts down to the start, then opens the paper by itself', async () => {
    const opensAt = new Date(Date.now() + 2_000).toISOString();
    const api = new FakeApi()
      .on(getMyAttempt, myAttempt(null, { opensAt }))
      .on(getMyCheckIn, { ...WRITTEN, canEnter: false, enterBlock: 'not_open' })
      .on(startMyAttempt, attemptView());
    const page = renderExam(api);
    expect(await screen.findByText('考试期间请勿离开座位。')).toBeInTheDocument();
    await page.user.click(screen.getByRole('button', { name: '我已仔细阅读，下一步' }));
    expect(await screen.findByText('请先勾选“已阅读并了解考生须知”')).toBeInTheDocument();
    await page.user.click(screen.getByRole('checkbox', { name: '已阅读并了解考生须知' }));
    await page.user.click(screen.getByRole('button', { name: '我已仔细阅读，下一步' }));
    expect(screen.getByRole('timer')).toHaveTextContent(/^距离开考还有 00:00:0[12]$/);
    expect(api.requestsTo(startMyAttempt)).toHaveLength(0);
    expect(
      await screen.findByRole('heading', { name: '学位英语（样卷）' }, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(api.requestsTo(startMyAttempt)).toHaveLength(1);
  });

  it('keeps 考生须知 confirmed through a reload before the start', async () => {
    const opensAt = new Date(Date.now() + 10 * MINUTE).toISOString();
    const api = new FakeApi()
      .on(getMyAttempt, myAttempt(null, { opensAt }))
      .on(getMyCheckIn, { ...WRITTEN, canEnter: false, enterBlock: 'not_open' });
    const before = renderExam(api);
    await before.user.click(await screen.findByRole('checkbox', { name: '已阅读并了解考生须知' }));
    await before.user.click(screen.getByRole('button', { name: '我已仔细阅读，下一步' }));
    before.unmount();
    renderExam(api);
    expect(await screen.findByRole('timer')).toHaveTextContent(/^距离开考还有 00:(10|09):\d\d$/);
    expect(screen.queryByText('考试期间请勿离开座位。')).not.toBeInTheDocument();
  });

  it('asks again when the server says the start is a moment away', async () => {
    let isOpen = false;
    const api = new FakeApi()
      .on(getMyAttempt, myAttempt(null))
      .on(getMyCheckIn, WRITTEN)
      .on(startMyAttempt, () => {
        if (isOpen) return attemptView();
        isOpen = true;
        return refuse('ATTEMPT_NOT_OPEN_YET');
      });
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('checkbox', { name: '已阅读并了解考生须知' }));
    await page.user.click(screen.getByRole('button', { name: '我已仔细阅读，下一步' }));
    expect(
      await screen.findByRole('heading', { name: '学位英语（样卷）' }, { timeout: 4000 }),
    ).toBeInTheDocument();
    expect(api.requestsTo(startMyAttempt)).toHaveLength(2);
  });

  it('goes straight back to the paper on a reload mid-exam, at the first question', async () => {
    renderExam(new FakeApi().on(getMyAttempt, myAttempt(attemptView())));
    expect(await screen.findByRole('heading', { name: '第1题' })).toBeInTheDocument();
    expect(screen.queryByText('考生须知')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '一、词汇与语法' })).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: '剩余时间' })).toHaveTextContent(/^01:(50|49):\d\d$/);
    expect(gridButton('第1题 未作答')).toHaveAttribute('aria-current', 'step');
  });

  it('moves its countdown when the server gives time back after an outage', async () => {
    let { deadline } = attemptView();
    let compensationMinutes = 0;
    const api = new FakeApi().on(getMyAttempt, () =>
      myAttempt(attemptView({ deadline, compensationMinutes })),
    );
    renderExam(api);
    const timer = await screen.findByRole('timer', { name: '剩余时间' });
    expect(timer).toHaveTextContent(/^01:(50|49):\d\d$/);
    // The page holds its socket: that is how the server knows the PC is there.
    await waitFor(() => expect(pageSocket.connected).toBe(true));
    expect(screen.queryByText(/已为您补时/)).toBeNull();
    deadline = new Date(Date.parse(deadline) + 4 * MINUTE).toISOString();
    compensationMinutes = 4;
    pageSocket.serverEmit('attempt:changed', { registrationId: REGISTRATION_ID });
    await waitFor(() => expect(timer).toHaveTextContent(/^01:(54|53):\d\d$/));
    expect(screen.getByText('因连接中断，已为您补时 4 分钟，剩余时间已相应延长。')).toBeVisible();
    pageSocket.reset();
  });

  it('tells a screen reader the time left at 15 minutes, not every second', async () => {
    const deadline = new Date(Date.now() + 15 * MINUTE + 1_500).toISOString();
    renderExam(new FakeApi().on(getMyAttempt, myAttempt(attemptView({ deadline }))));
    const timer = await screen.findByRole('timer', { name: '剩余时间' });
    expect(timer).toHaveAttribute('aria-live', 'off');
    const announcement = screen.getByTestId('timer-announcement');
    expect(announcement).toHaveAttribute('aria-live', 'polite');
    expect(announcement).toHaveTextContent(/^$/);
    await waitFor(() => expect(announcement).toHaveTextContent('距离考试结束还有 15 分钟'), {
      timeout: 3000,
    });
    expect(timer).toHaveTextContent(/^00:1[45]:\d\d$/);
  });

  it('answers in one tab only: a second tab says the exam is open elsewhere', async () => {
    // Another tab holds the attempt's lock: this tab's request is never granted.
    Object.defineProperty(navigator, 'locks', {
      configurable: true,
      value: { request: () => new Promise(() => undefined) },
    });
    try {
      renderExam(new FakeApi().on(getMyAttempt, myAttempt(attemptView())));
      expect(
        await screen.findByText(/本场考试已在本浏览器的另一个窗口或标签页中打开/, undefined, {
          timeout: 2500,
        }),
      ).toBeInTheDocument();
      expect(screen.queryByRole('heading', { name: '第1题' })).not.toBeInTheDocument();
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
  });

  it('says what to do, without a useless 重试, when the candidate has not confirmed attendance', async () => {
    renderExam(new FakeApi().on(getMyAttempt, refuse('CHECK_IN_NOT_ALLOWED')));
    expect(await screen.findByRole('alert')).toHaveTextContent('请先确认参加考试');
    expect(screen.queryByRole('button', { name: /重\s*试/ })).not.toBeInTheDocument();
  });

  it('says so when the exam has no paper yet', async () => {
    renderExam(new FakeApi().on(getMyAttempt, myAttempt(null, { hasPaper: false })));
    expect(await screen.findByText('本场考试尚未设置试卷，请联系考务人员。')).toBeInTheDocument();
  });

  it('saves a choice at once with the next seq, and the answer sheet shows it answered', async () => {
    const saved = attemptView({
      answers: [
        { paperQuestionId: Q[1], answer: { type: 'multiple_choice', optionIds: ['A'] }, seq: 4 },
      ],
    });
    const api = acknowledging(new FakeApi().on(getMyAttempt, myAttempt(saved)));
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('radio', { name: 'B. 选项B' }));
    await waitFor(() => expect(gridButton('第1题 已作答')).toBeInTheDocument());
    expect(gridButton('第2题 已作答')).toBeInTheDocument();
    expect(gridButton('第3题 未作答')).toBeInTheDocument();

    await page.user.click(screen.getByRole('button', { name: '下一题' }));
    await page.user.click(screen.getByRole('checkbox', { name: 'C. 选项C' }));
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent('已保存'));
    // A status (the journeys find it so) that does not speak at every click.
    const status = screen
      .getAllByRole('status')
      .find((node) => node.textContent.includes('已保存'));
    expect(status).toHaveAttribute('aria-live', 'off');
    expect(savedBodies(api)).toEqual([
      [Q[0], { answer: { type: 'single_choice', optionId: 'B' }, seq: 1 }],
      [Q[1], { answer: { type: 'multiple_choice', optionIds: ['A', 'C'] }, seq: 5 }],
    ]);
  });

  it('marks a question for review on the answer sheet, and opens a question from it', async () => {
    const page = renderExam(new FakeApi().on(getMyAttempt, myAttempt(attemptView())));
    await page.user.click(await screen.findByRole('checkbox', { name: '标记本题' }));
    expect(gridButton('第1题 未作答，已标记')).toBeInTheDocument();
    await page.user.click(gridButton('第4题 未作答'));
    expect(screen.getByRole('heading', { name: '第4题' })).toBeInTheDocument();
    // The reading passage is beside the questions that share it.
    expect(screen.getByTestId('passage')).toHaveTextContent('The town lies by a quiet lake.');
    expect(gridButton('第4题 未作答')).toHaveAttribute('aria-current', 'step');
  });

  it('saves typed text after a pause, never mid-composition, cut to the length limit', async () => {
    const api = acknowledging(new FakeApi().on(getMyAttempt, myAttempt(attemptView())));
    const page = renderExam(api);
    await page.user.click(
      await within(await screen.findByRole('navigation', { name: '答题卡' })).findByRole('button', {
        name: '第5题 未作答',
      }),
    );
    const box = screen.getByRole('textbox', { name: '作答' });
    // A Chinese input method: pinyin first, then the characters chosen.
    fireEvent.compositionStart(box);
    fireEvent.change(box, { target: { value: 'wo de' } });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(api.requestsTo(saveMyAnswer)).toHaveLength(0);
    fireEvent.change(box, { target: { value: '我的' } });
    fireEvent.compositionEnd(box);
    await waitFor(() => expect(api.requestsTo(saveMyAnswer)).toHaveLength(1));
    expect(savedBodies(api)).toEqual([[Q[4], { answer: { type: 'essay', text: '我的' }, seq: 1 }]]);

    // 𠀀 is one character though two UTF-16 units: ten fit, the rest is cut.
    fireEvent.change(box, { target: { value: '我的家乡𠀀𠀀在江南水乡很美' } });
    expect(screen.getByText('10 / 10 字')).toBeInTheDocument();
    await waitFor(() => expect(api.requestsTo(saveMyAnswer)).toHaveLength(2));
    expect(savedBodies(api)[1]).toEqual([
      Q[4],
      { answer: { type: 'essay', text: '我的家乡𠀀𠀀在江南水' }, seq: 2 },
    ]);
    await waitFor(() => expect(gridButton('第5题 已作答')).toBeInTheDocument());
  });

  it('saves what was typed in a blank when the candidate moves on before the pause', async () => {
    const api = acknowledging(new FakeApi().on(getMyAttempt, myAttempt(attemptView())));
    const page = renderExam(api);
    await page.user.click(
      await within(await screen.findByRole('navigation', { name: '答题卡' })).findByRole('button', {
        name: '第4题 未作答',
      }),
    );
    expect(screen.getByText('(1)', { exact: false })).toBeInTheDocument();
    await page.user.type(screen.getByRole('textbox', { name: '第1空' }), 'quiet');
    await page.user.click(screen.getByRole('button', { name: '下一题' }));
    await waitFor(() => expect(api.requestsTo(saveMyAnswer)).toHaveLength(1));
    expect(savedBodies(api)).toEqual([
      [Q[3], { answer: { type: 'fill_blank', blanks: ['quiet'] }, seq: 1 }],
    ]);
  });

  it('keeps answers while offline, says how many wait, and sends them when back online', async () => {
    const api = offline(new FakeApi().on(getMyAttempt, myAttempt(attemptView())));
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('radio', { name: 'A. 选项A' }));
    await page.user.click(screen.getByRole('button', { name: '下一题' }));
    await page.user.click(screen.getByRole('checkbox', { name: 'D. 选项D' }));
    await waitFor(() =>
      expect(screen.getByTestId('save-indicator')).toHaveTextContent('离线，已暂存 2 项'),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(/网络已断开/);

    acknowledging(api);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent('已保存'));
    expect(screen.queryByText(/网络已断开/)).not.toBeInTheDocument();
    const replayed = savedBodies(api).slice(-2);
    expect(replayed).toEqual([
      [Q[0], { answer: { type: 'single_choice', optionId: 'A' }, seq: 1 }],
      [Q[1], { answer: { type: 'multiple_choice', optionIds: ['D'] }, seq: 1 }],
    ]);
  });

  it('opens the question the candidate was on after a reload', async () => {
    const api = new FakeApi().on(getMyAttempt, myAttempt(attemptView()));
    const before = renderExam(api);
    await before.user.click(await screen.findByRole('button', { name: '第3题 未作答' }));
    before.unmount();
    renderExam(api);
    expect(await screen.findByRole('heading', { name: '第3题' })).toBeInTheDocument();
  });

  it('shows and replays after a reload what was answered offline before it', async () => {
    const storage = memoryStorage();
    const first = offline(new FakeApi().on(getMyAttempt, myAttempt(attemptView())));
    const before = renderExam(first, storage);
    await before.user.click(await screen.findByRole('radio', { name: 'C. 选项C' }));
    await waitFor(() =>
      expect(screen.getByTestId('save-indicator')).toHaveTextContent('离线，已暂存 1 项'),
    );
    before.unmount();

    // The server never got it: it still has no answer for 第1题.
    const second = acknowledging(new FakeApi().on(getMyAttempt, myAttempt(attemptView())));
    renderExam(second, storage);
    expect(await screen.findByRole('radio', { name: 'C. 选项C' })).toBeChecked();
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent('已保存'));
    expect(savedBodies(second)).toEqual([
      [Q[0], { answer: { type: 'single_choice', optionId: 'C' }, seq: 1 }],
    ]);
  });

  it('warns a minute before inactivity submits, and any key tells the server the candidate is there', async () => {
    let submitAt = new Date(Date.now() + 30_000).toISOString();
    const api = acknowledging(
      new FakeApi().on(getMyAttempt, () =>
        myAttempt(attemptView({ inactivitySubmitAt: submitAt })),
      ),
    );
    const page = renderExam(api);
    const dialog = await screen.findByRole('dialog', { name: '您还在作答吗？' });
    // It read the time again first: typing since the last read would have moved it.
    expect(api.requestsTo(getMyAttempt).length).toBeGreaterThanOrEqual(2);
    expect(dialog).toHaveTextContent(/系统将在 00:(2\d|30) 后自动交卷/);
    submitAt = new Date(Date.now() + 10 * MINUTE).toISOString();
    await page.user.keyboard('{Shift}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // An action the server counts: the current answer saved again.
    await waitFor(() => expect(api.requestsTo(saveMyAnswer)).toHaveLength(1));
    expect(savedBodies(api)[0]?.[0]).toBe(Q[0]);
  });

  it('keeps 交卷 disabled with its reason until the minimum time has passed', async () => {
    renderExam(new FakeApi().on(getMyAttempt, myAttempt(attemptView())));
    const submit = await screen.findByRole('button', { name: /交卷/ });
    expect(submit).toBeDisabled();
    expect(submit).toHaveAccessibleDescription(/^交卷将在 .+ 开放（开考后须满最短作答时间）$/);
  });

  it('asks before 交卷 with the unanswered count, then ends on 交卷成功', async () => {
    const open = attemptView({
      submitOpensAt: new Date(Date.now() - MINUTE).toISOString(),
      answers: [{ paperQuestionId: Q[2], answer: { type: 'true_false', value: false }, seq: 1 }],
    });
    const submittedAt = new Date().toISOString();
    const api = new FakeApi()
      .on(getMyAttempt, myAttempt(open))
      .on(submitMyAttempt, { ...open, state: 'submitted', submittedAt, submitReason: 'manual' });
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('button', { name: /交卷/ }));
    const dialog = within(await screen.findByRole('dialog', { name: '确认交卷' }));
    expect(
      dialog.getByText('您还有 5 题未作答（共 6 题）。交卷后将不能再修改答案。'),
    ).toBeInTheDocument();
    expect(api.requestsTo(submitMyAttempt)).toHaveLength(0);
    await page.user.click(dialog.getByRole('button', { name: /确认交卷/ }));
    expect(await screen.findByText('交卷成功')).toBeInTheDocument();
    expect(screen.getByText(/^交卷时间：/)).toBeInTheDocument();
    expect(screen.getByText('您现在可以关闭本页面。')).toBeInTheDocument();
    expect(api.requestsTo(submitMyAttempt)).toHaveLength(1);
  });

  it('refuses 交卷 while answers cannot reach the server, and says why', async () => {
    const open = attemptView({ submitOpensAt: new Date(Date.now() - MINUTE).toISOString() });
    const api = offline(new FakeApi().on(getMyAttempt, myAttempt(open)));
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('radio', { name: 'A. 选项A' }));
    await page.user.click(screen.getByRole('button', { name: /交卷/ }));
    const dialog = within(await screen.findByRole('dialog', { name: '确认交卷' }));
    await page.user.click(dialog.getByRole('button', { name: /确认交卷/ }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      /还有 1 项答案未能上传到服务器，暂不能交卷/,
    );
    expect(api.requestsTo(submitMyAttempt)).toHaveLength(0);
  });

  it('shows 交卷成功 and why when the server submitted while the candidate was away', async () => {
    const submitted = attemptView({
      state: 'submitted',
      submittedAt: new Date(Date.now() - MINUTE).toISOString(),
      submitReason: 'deadline',
    });
    renderExam(new FakeApi().on(getMyAttempt, myAttempt(submitted)));
    // A heading that takes the focus, so a screen reader says it as the page changes.
    expect(await screen.findByRole('heading', { name: '交卷成功' })).toHaveFocus();
    expect(screen.getByText('考试时间已到，系统已自动交卷。')).toBeInTheDocument();
  });

  it('names the answers that did not reach the server once it takes no more (ATTEMPT_CLOSED)', async () => {
    const view = attemptView();
    let isSubmitted = false;
    const api = new FakeApi()
      .on(getMyAttempt, () =>
        myAttempt(
          isSubmitted
            ? { ...view, state: 'submitted', submittedAt: view.deadline, submitReason: 'forced' }
            : view,
        ),
      )
      .on(saveMyAnswer, () => {
        isSubmitted = true;
        return refuse('ATTEMPT_CLOSED');
      });
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('radio', { name: 'A. 选项A' }));
    expect(await screen.findByText('交卷成功')).toBeInTheDocument();
    expect(screen.getByText('考务人员已为您交卷。')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      '以下题目的最后修改未能保存到服务器：第1题',
    );
  });
});
