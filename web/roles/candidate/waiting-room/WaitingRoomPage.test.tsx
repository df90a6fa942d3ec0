import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getMyCheckIn } from '../../../../shared/api/check-in.js';
import {
  acceptInvitation,
  enterWaitingRoom,
  getMyTicket,
  type CandidateTicket,
} from '../../../../shared/api/interviews.js';
import { createPhonePairing } from '../../../../shared/api/phone.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { pageSocket } from '../../../test/fake-socket.js';
import { render, sessionUser } from '../../../test/render.js';
import { readyState, REGISTRATION_ID } from '../check-in/check-in-fixtures.test-support.js';
import {
  candidateTicket,
  WAITING_ROOM_PATH,
  WAITING_ROOM_URL,
} from './ticket-fixtures.test-support.js';
import { WaitingRoomPage } from './WaitingRoomPage.js';

const NO_PHONE = readyState({
  steps: { ...readyState().steps, phone: { ...readyState().steps.phone, state: 'not_required' } },
});

/** The server as the 候考区 page meets it: the check-in done, the ticket as given. */
function server(ticket: CandidateTicket | null, checkIn = NO_PHONE) {
  return new FakeApi()
    .on(getMyCheckIn, checkIn)
    .on(getMyTicket, { serverTime: new Date().toISOString(), ticket });
}

function renderWaitingRoom(api: FakeApi) {
  return render(<WaitingRoomPage />, {
    path: WAITING_ROOM_PATH,
    url: WAITING_ROOM_URL,
    user: sessionUser(),
    api,
  });
}

/** The server moves the ticket on (as its socket says after every command). */
const ticketChanged = (ticket: CandidateTicket) =>
  pageSocket.serverEmit('ticket:changed', { registrationId: REGISTRATION_ID, ticket });

describe('WaitingRoomPage (候考区)', () => {
  it('enters the waiting room from here when the candidate has not yet', async () => {
    const api = server(null).on(enterWaitingRoom, candidateTicket());
    const page = renderWaitingRoom(api);
    expect(await screen.findByText('您尚未进入候考区。')).toBeInTheDocument();
    await page.user.click(screen.getByRole('button', { name: '进入考试' }));
    expect(await screen.findByRole('heading', { name: '候考中' })).toBeInTheDocument();
    expect(api.requestsTo(enterWaitingRoom)).toHaveLength(1);
  });

  it("shows the server's refusal to enter", async () => {
    const page = renderWaitingRoom(
      server(null).on(enterWaitingRoom, refuse('WAITING_ROOM_CLOSED')),
    );
    await page.user.click(await screen.findByRole('button', { name: '进入考试' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '暂不能进入考试：请完成全部检测，并在考试开始后进入',
    );
  });

  it("follows the waiting-room examiner's presence live, and ignores an older event", async () => {
    renderWaitingRoom(server(candidateTicket({ version: 3 })));
    expect(await screen.findByText('候考官未上线，请耐心等待。')).toBeInTheDocument();
    ticketChanged(candidateTicket({ version: 4, waitingExaminer: 'available' }));
    expect(
      await screen.findByText('候考官已上线，请保持本页面打开，等待候考官呼叫。'),
    ).toBeInTheDocument();
    // A late event about an older ticket must not put the old state back.
    ticketChanged(candidateTicket({ version: 2, waitingExaminer: 'busy' }));
    expect(screen.queryByText('候考官正在与其他考生通话，请耐心等待。')).not.toBeInTheDocument();
    expect(
      screen.getByText('候考官已上线，请保持本页面打开，等待候考官呼叫。'),
    ).toBeInTheDocument();
  });

  it('says who is calling, and why the candidate is back in the waiting room afterwards', async () => {
    renderWaitingRoom(server(candidateTicket()));
    await screen.findByRole('heading', { name: '候考中' });
    ticketChanged(candidateTicket({ version: 2, state: 'called', calledByName: '候考官 陈老师' }));
    expect(
      await screen.findByRole('heading', { name: '候考官 陈老师 正在与您通话' }),
    ).toBeInTheDocument();
    ticketChanged(candidateTicket({ version: 3, returnReason: 'examiner_left' }));
    expect(
      await screen.findByText('候考官已离开通话，您已回到候考区，请等待再次呼叫。'),
    ).toBeInTheDocument();
  });

  it('asks to accept the invitation, then shows the interview running', async () => {
    const started = new Date(Date.now() - 65_000).toISOString();
    const api = server(candidateTicket({ state: 'invited', version: 5 })).on(
      acceptInvitation,
      candidateTicket({ state: 'in_room', version: 6, interviewStartedAt: started }),
    );
    const page = renderWaitingRoom(api);
    const dialog = within(await screen.findByRole('dialog', { name: '面试邀请' }));
    expect(
      dialog.getByText('轮到您面试了。点击“OK”后，您将从候考区进入考场。'),
    ).toBeInTheDocument();
    await page.user.click(dialog.getByRole('button', { name: 'OK' }));
    expect(await screen.findByRole('heading', { name: '面试进行中' })).toBeInTheDocument();
    expect(screen.getByTestId('interview-timer')).toHaveTextContent(/已进行 .*01:0[5-9]/);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('ends with 面试结束 and 关闭考试 back to 我的考场', async () => {
    const page = renderWaitingRoom(server(candidateTicket({ state: 'done', version: 9 })));
    // Announced: the title is a live status.
    expect(await screen.findByText('面试结束')).toHaveAttribute('role', 'status');
    expect(screen.getByText('本场面试已结束，感谢您的参与。')).toBeInTheDocument();
    await page.user.click(screen.getByRole('button', { name: '关闭考试' }));
    await waitFor(() => expect(page.location()).toBe('/candidate'));
  });

  it('shows the phone camera card when the exam uses a second camera, and follows its status', async () => {
    const now = new Date().toISOString();
    const lost = readyState({
      steps: {
        ...readyState().steps,
        phone: {
          state: 'passed',
          connection: 'lost',
          pairedAt: now,
          lastSeenAt: now,
          faceVerdict: 'match',
        },
      },
    });
    const api = server(candidateTicket(), lost).on(createPhonePairing, {
      token: 'a'.repeat(43),
      expiresAt: new Date(Date.now() + 300_000).toISOString(),
    });
    renderWaitingRoom(api);
    const card = within(
      (await screen.findByRole('heading', { name: '第二机位' })).closest(
        '.ant-card',
      ) as HTMLElement,
    );
    expect(card.getByText('手机监控已掉线')).toBeInTheDocument();
    pageSocket.serverEmit('phone:status', {
      registrationId: REGISTRATION_ID,
      state: 'live',
      pairedAt: now,
      lastSeenAt: now,
      publisherSocketId: null,
    });
    // Live but not yet publishing its picture: paired, the steps on the phone still to do.
    expect(await card.findByText('手机已扫码，请在手机上完成操作')).toBeInTheDocument();
    expect(card.queryByText('手机监控已掉线')).not.toBeInTheDocument();
  });

  it('says the connection is being restored when the socket drops', async () => {
    renderWaitingRoom(server(candidateTicket()));
    await screen.findByRole('heading', { name: '候考中' });
    await waitFor(() => expect(pageSocket.connected).toBe(true));
    pageSocket.dropConnection();
    expect(await screen.findByText('网络连接中断，正在重新连接…')).toBeInTheDocument();
  });
});
