// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckInState } from '../../../../../shared/api/check-in.js';
import type { PhoneStatus } from '../../../../../shared/events.js';
import { connectSocket } from '../../../../api/socket.js';
import '../../../../i18n/index.js';
import { PhoneMonitorPanel } from './PhoneMonitorPanel.js';

/** The page's socket as the server drives it: the test pushes what the server would send. */
const server = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const listeners = new Map<string, Set<Listener>>();
  const socket = {
    connected: false,
    active: false,
    on(event: string, listener: Listener) {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
      return socket;
    },
    off(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
      return socket;
    },
    emit: () => socket,
    connect() {
      socket.connected = true;
      socket.active = true;
      return socket;
    },
    disconnect() {
      socket.connected = false;
      socket.active = false;
      return socket;
    },
  };
  return {
    socket,
    send(event: string, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
});
vi.mock('socket.io-client', () => ({ io: () => server.socket }));
// The QR code and the phone's picture are network and WebRTC; this test is about the status.
vi.mock('./PairingQrCode.js', () => ({ PairingQrCode: () => null }));
vi.mock('./PhoneLiveView.js', () => ({
  PhoneLiveView: ({ publisherSocketId }: { publisherSocketId: string }) => (
    <p data-testid="phone-view">{publisherSocketId}</p>
  ),
}));

const REGISTRATION = '00000000-0000-4000-8000-000000000001';
const NOW = '2026-06-01T09:00:00.000Z';

/** A check-in state whose phone block says `connection` (what an HTTP answer said then). */
function checkInState(
  connection: CheckInState['steps']['phone']['connection'],
  registrationId = REGISTRATION,
): CheckInState {
  return {
    registrationId,
    candidateName: '周宁',
    examName: '外国语学院面试',
    examKind: 'interview',
    sessionName: '外国语学院面试第一考场',
    serverTime: NOW,
    startsAt: NOW,
    endsAt: '2026-06-01T17:00:00.000Z',
    checkInOpensAt: '2026-06-01T08:30:00.000Z',
    status: 'in_progress',
    currentStep: null,
    steps: {
      device: { state: 'passed', checkedAt: NOW, report: null },
      face: {
        state: 'not_required',
        attempts: 0,
        attemptsAllowed: 4,
        attemptsLeft: 4,
        canRetry: true,
        canContinue: false,
        score: null,
        lastVerdict: null,
        checkedAt: null,
        confirmedAt: null,
      },
      pledge: { state: 'passed', agreedAt: NOW },
      phone: {
        state: 'passed',
        connection,
        pairedAt: NOW,
        lastSeenAt: NOW,
        faceVerdict: null,
      },
    },
    pledgeText: '',
    noticeText: '',
    phoneAsPrimaryAllowed: false,
    screenShareRequired: false,
    mediaQuality: 'proctoring',
    canEnter: true,
    enterBlock: null,
  };
}

const filming: PhoneStatus = {
  registrationId: REGISTRATION,
  state: 'live',
  pairedAt: NOW,
  lastSeenAt: NOW,
  publisherSocketId: 'phone-socket-1',
};

const phoneStatus = () => screen.getByTestId('phone-status');

afterEach(cleanup);

describe('PhoneMonitorPanel (第二机位 on the check-in page, the 候考区 and in the room)', () => {
  it('shows the filming phone the socket reported before the panel was there, not an older HTTP answer', () => {
    // The check-in page (or the connect itself) heard the phone start; then the candidate went
    // to the 候考区, whose panel mounts with the check-in state cached from before.
    connectSocket();
    act(() => server.send('phone:status', filming));
    render(<PhoneMonitorPanel state={checkInState('lost')} onStateChange={() => undefined} />);

    expect(phoneStatus()).toHaveAttribute('data-state', 'live');
    expect(phoneStatus()).toHaveTextContent('手机监控已开启');
    expect(screen.queryByText(/重新扫描二维码/)).not.toBeInTheDocument();
    expect(screen.getByTestId('phone-view')).toHaveTextContent('phone-socket-1');
  });

  it('follows every later status live: lost, then filming again', () => {
    render(<PhoneMonitorPanel state={checkInState('live')} onStateChange={() => undefined} />);
    act(() => server.send('phone:status', { ...filming, state: 'lost', publisherSocketId: null }));
    expect(phoneStatus()).toHaveTextContent('手机监控已掉线');
    expect(screen.getByText(/重新扫描二维码/)).toBeInTheDocument();

    act(() => server.send('phone:status', filming));
    expect(phoneStatus()).toHaveTextContent('手机监控已开启');
  });

  it('shows the newest check-in state until the socket has said anything about this phone', () => {
    const other = '00000000-0000-4000-8000-000000000002';
    const noop = () => undefined;
    const { rerender } = render(
      <PhoneMonitorPanel state={checkInState('unpaired', other)} onStateChange={noop} />,
    );
    expect(phoneStatus()).toHaveTextContent('等待手机扫码');
    rerender(<PhoneMonitorPanel state={checkInState('lost', other)} onStateChange={noop} />);
    expect(phoneStatus()).toHaveTextContent('手机监控已掉线');
  });
});
