import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { agreeToPledge, getMyCheckIn, type CheckInState } from '../../../../shared/api/check-in.js';
import { enterWaitingRoom } from '../../../../shared/api/interviews.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { candidateTicket } from '../waiting-room/ticket-fixtures.test-support.js';
import {
  CHECK_IN_PATH,
  CHECK_IN_URL,
  checkInState,
  readyState,
} from './check-in-fixtures.test-support.js';
import { CheckInPage } from './CheckInPage.js';

const passed = new Date().toISOString();
/** Device and face done, the pledge next; this exam needs no second camera. */
const AT_PLEDGE = checkInState({
  currentStep: 'pledge',
  steps: {
    device: { state: 'passed', checkedAt: passed },
    face: { state: 'passed', attempts: 1, lastVerdict: 'match', score: 0.9, checkedAt: passed },
    phone: { state: 'not_required' },
  },
});
const READY = readyState({
  steps: { ...AT_PLEDGE.steps, pledge: { state: 'passed', agreedAt: passed } },
});

function renderCheckIn(api: FakeApi) {
  return render(<CheckInPage />, {
    path: CHECK_IN_PATH,
    url: CHECK_IN_URL,
    user: sessionUser(),
    api,
  });
}

const stepsBar = async () =>
  within(await screen.findByRole('navigation', { name: '考前检测步骤' }));
/** The current step's card, titled by its step (announced when it changes). */
const stepTitle = (name: string) => screen.findByRole('heading', { level: 2, name });

describe('CheckInPage (考前检测)', () => {
  it("resumes at the server's current step and shows each required step's state", async () => {
    renderCheckIn(new FakeApi().on(getMyCheckIn, AT_PLEDGE));
    expect(await stepTitle('诚信承诺')).toBeInTheDocument();
    const bar = await stepsBar();
    expect(bar.getByText('设备检测')).toBeInTheDocument();
    expect(bar.getAllByText('已通过')).toHaveLength(2);
    expect(bar.getByText('待完成')).toBeInTheDocument();
    // Not required by this exam: not offered at all.
    expect(bar.queryByText('第二机位')).not.toBeInTheDocument();
    expect(screen.getByRole('document', { name: '考生诚信承诺书' })).toHaveTextContent(
      '本人承诺遵守考试纪律。',
    );
  });

  it('asks to tick the pledge first, then agrees and moves on to where the server says', async () => {
    const api = new FakeApi().on(getMyCheckIn, AT_PLEDGE).on(agreeToPledge, READY);
    const page = renderCheckIn(api);
    await stepTitle('诚信承诺');
    await page.user.click(screen.getByRole('button', { name: '同意' }));
    expect(await screen.findByText('请先勾选“我已仔细阅读并同意”')).toBeInTheDocument();
    expect(api.requestsTo(agreeToPledge)).toHaveLength(0);

    await page.user.click(screen.getByRole('checkbox', { name: '我已仔细阅读并同意' }));
    await page.user.click(screen.getByRole('button', { name: '同意' }));
    expect(await stepTitle('考前检测已完成')).toBeInTheDocument();
    expect(api.requestsTo(agreeToPledge).map((request) => request.body)).toEqual([{ agree: true }]);
  });

  it('shows 进入考试 disabled with the reason until the steps are done', async () => {
    renderCheckIn(new FakeApi().on(getMyCheckIn, AT_PLEDGE));
    const enter = await screen.findByRole('button', { name: /进入考试/ });
    expect(enter).toBeDisabled();
    expect(enter).toHaveAccessibleDescription('请先完成以上检测');
  });

  it('says when the exam opens while the steps are done but the session is not', async () => {
    const state: CheckInState = {
      ...READY,
      status: 'not_started',
      canEnter: false,
      enterBlock: 'not_open',
      startsAt: '2026-11-23T01:00:00.000Z',
    };
    renderCheckIn(new FakeApi().on(getMyCheckIn, state));
    const enter = await screen.findByRole('button', { name: /进入考试/ });
    expect(enter).toBeDisabled();
    expect(enter).toHaveAccessibleDescription(/^考试尚未开始，开考后可进入（开考时间 .+）$/);
  });

  it('enters the waiting room with 进入考试', async () => {
    const api = new FakeApi().on(getMyCheckIn, READY).on(enterWaitingRoom, candidateTicket());
    const page = renderCheckIn(api);
    const enter = await screen.findByRole('button', { name: /进入考试/ });
    expect(enter).toBeEnabled();
    await page.user.click(enter);
    await waitFor(() => expect(page.location()).toMatch(/\/waiting-room$/));
    expect(api.requestsTo(enterWaitingRoom)).toHaveLength(1);
  });

  it("opens a written exam's page with 进入考试, before the start too, without a waiting room", async () => {
    const written: CheckInState = {
      ...READY,
      examKind: 'written',
      status: 'check_in_open',
      canEnter: false,
      enterBlock: 'not_open',
    };
    const api = new FakeApi().on(getMyCheckIn, written);
    const page = renderCheckIn(api);
    const enter = await screen.findByRole('button', { name: /进入考试/ });
    expect(enter).toBeEnabled();
    await page.user.click(enter);
    await waitFor(() => expect(page.location()).toMatch(/\/exam$/));
    expect(api.requestsTo(enterWaitingRoom)).toHaveLength(0);
  });

  it("shows the server's refusal to enter", async () => {
    const api = new FakeApi()
      .on(getMyCheckIn, READY)
      .on(enterWaitingRoom, refuse('WAITING_ROOM_CLOSED'));
    const page = renderCheckIn(api);
    await page.user.click(await screen.findByRole('button', { name: /进入考试/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '暂不能进入考试：请完成全部检测，并在考试开始后进入',
    );
    expect(page.location()).toMatch(/\/check-in$/);
  });

  it('tells a candidate whose face check failed that staff will review it, and lets them go on', async () => {
    const state = checkInState({
      ...AT_PLEDGE,
      steps: {
        ...AT_PLEDGE.steps,
        face: { ...AT_PLEDGE.steps.face, state: 'flagged', lastVerdict: 'mismatch' },
      },
    });
    renderCheckIn(new FakeApi().on(getMyCheckIn, state));
    expect(
      await screen.findByText(
        '人脸识别认证未通过，已记录并由考务人员审核，您可以继续完成其余检测。',
      ),
    ).toBeInTheDocument();
    expect((await stepsBar()).getByText('人脸识别认证未通过')).toBeInTheDocument();
    expect(await stepTitle('诚信承诺')).toBeInTheDocument();
  });

  it('re-runs the device check at any time and comes back to the current step', async () => {
    const page = renderCheckIn(new FakeApi().on(getMyCheckIn, AT_PLEDGE));
    await page.user.click(await screen.findByRole('button', { name: '重新进行设备检测' }));
    expect(await stepTitle('设备检测')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '开始检测' })).toBeInTheDocument();
    await page.user.click(screen.getByRole('button', { name: '返回当前步骤' }));
    expect(await stepTitle('诚信承诺')).toBeInTheDocument();
  });

  it('offers a retry when the check-in cannot be loaded', async () => {
    const api = new FakeApi().on(getMyCheckIn, refuse('CHECK_IN_NOT_ALLOWED'));
    const page = renderCheckIn(api);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    api.on(getMyCheckIn, AT_PLEDGE);
    await page.user.click(screen.getByRole('button', { name: '重试' }));
    expect(await stepTitle('诚信承诺')).toBeInTheDocument();
  });
});
