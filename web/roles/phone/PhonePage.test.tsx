// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneSession } from '../../../shared/api/phone.js';
import { PHONE_HEARTBEAT_MS } from '../../../shared/enums.js';
import { AppProviders } from '../../AppProviders.js';
import { queryClient } from '../../api/queryClient.js';
import '../../i18n/index.js';
import { PhonePage } from './PhonePage.js';

/** The page's socket as the server drives it: what the page sent, and events the test pushes. */
const server = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const listeners = new Map<string, Set<Listener>>();
  const sent: string[] = [];
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
    emit(event: string) {
      sent.push(event);
      return socket;
    },
    connect() {
      socket.connected = true;
      socket.active = true;
      for (const listener of listeners.get('connect') ?? []) listener();
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
    sent,
    heartbeats: () => sent.filter((event) => event === 'phone:heartbeat').length,
    send(event: string, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
});
vi.mock('socket.io-client', () => ({ io: () => server.socket }));

/** The filming view is camera and WebRTC; the test only needs to know whether it is open. */
const camera = vi.hoisted(() => ({ isOpen: false }));
vi.mock('./MonitoringView.js', () => ({
  MonitoringView: () => {
    useEffect(() => {
      camera.isOpen = true;
      return () => {
        camera.isOpen = false;
      };
    }, []);
    return <p>监控已开启</p>;
  },
}));

const session = (overrides: Partial<PhoneSession> = {}): PhoneSession => ({
  pairingId: '00000000-0000-4000-8000-0000000000a1',
  registrationId: '00000000-0000-4000-8000-000000000001',
  candidateName: '周宁',
  examName: '外国语学院面试',
  sessionName: '外国语学院面试第一考场',
  admissionNumber: 'INT2026005',
  faceCheckRequired: false,
  faceVerdict: null,
  faceAttempts: 0,
  attemptsAllowed: 4,
  attemptsLeft: 4,
  canRetry: false,
  canContinue: false,
  startedAt: '2026-06-01T09:00:00.000Z',
  examEnd: null,
  ...overrides,
});

const wakeLock = { release: vi.fn(() => Promise.resolve()), released: false };

function openPhonePage(state: PhoneSession) {
  queryClient.setQueryData(['phone', 'session'], state);
  render(
    <AppProviders>
      <MemoryRouter initialEntries={['/phone']}>
        <PhonePage />
      </MemoryRouter>
    </AppProviders>,
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  wakeLock.release.mockClear();
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: { request: vi.fn(() => Promise.resolve(wakeLock)) },
  });
});
afterEach(() => {
  cleanup();
  queryClient.clear();
  server.socket.disconnect();
  server.sent.length = 0;
  vi.useRealTimers();
});

describe('PhonePage (the phone as the second camera)', () => {
  it('beats from the scan on, while the candidate still confirms on the phone', () => {
    openPhonePage(session({ startedAt: null }));
    expect(screen.getByRole('button', { name: '确认是本人' })).toBeInTheDocument();
    expect(server.socket.connected).toBe(true);
    const first = server.heartbeats();
    expect(first).toBeGreaterThan(0);
    act(() => {
      vi.advanceTimersByTime(2 * PHONE_HEARTBEAT_MS);
    });
    expect(server.heartbeats()).toBe(first + 2);
  });

  it('stops when told the exam is over: 考试已结束, camera off, screen lock released, silent', async () => {
    openPhonePage(session());
    expect(screen.getByText('监控已开启')).toBeInTheDocument();
    expect(camera.isOpen).toBe(true);
    // The wake lock is asked for asynchronously.
    await act(() => Promise.resolve());

    act(() =>
      server.send('monitoring:ended', {
        registrationId: session().registrationId,
        reason: 'interview_done',
      }),
    );

    expect(screen.getByRole('status')).toHaveTextContent('考试已结束，可以关闭本页面');
    expect(screen.queryByText('监控已开启')).not.toBeInTheDocument();
    expect(camera.isOpen).toBe(false);
    expect(wakeLock.release).toHaveBeenCalled();
    expect(server.socket.connected).toBe(false);
    const beats = server.heartbeats();
    act(() => {
      vi.advanceTimersByTime(3 * PHONE_HEARTBEAT_MS);
    });
    expect(server.heartbeats()).toBe(beats);
  });

  it('shows the end at once after a reload, without opening the camera or the socket', () => {
    openPhonePage(session({ examEnd: 'session_ended' }));
    expect(screen.getByRole('status')).toHaveTextContent('考试已结束，可以关闭本页面');
    expect(camera.isOpen).toBe(false);
    expect(server.socket.connected).toBe(false);
  });
});
