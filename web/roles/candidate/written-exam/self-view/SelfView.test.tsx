import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneStatus } from '../../../../../shared/events.js';
import { connectSocket } from '../../../../api/socket.js';
import { pageSocket } from '../../../../test/fake-socket.js';
import { render } from '../../../../test/render.js';
import SelfView from './SelfView.js';

// The answering page's camera corner (issue 14 §4): the PC camera, the phone's status dot and a
// switch to its picture only once a phone is paired, a line when the camera fails.

const REGISTRATION = '00000000-0000-4000-8000-0000000000a1';
const stream = { getTracks: () => [] } as unknown as MediaStream;
let getUserMedia: ReturnType<typeof vi.fn>;

const phone = (state: PhoneStatus['state']): PhoneStatus => ({
  registrationId: REGISTRATION,
  state,
  pairedAt: state === 'unpaired' ? null : '2026-12-20T00:50:00.000Z',
  lastSeenAt: state === 'unpaired' ? null : '2026-12-20T01:00:00.000Z',
  publisherSocketId: null,
});

beforeEach(() => {
  sessionStorage.clear();
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
  getUserMedia = vi.fn(() => Promise.resolve(stream));
  Object.defineProperty(navigator, 'mediaDevices', {
    value: { getUserMedia },
    configurable: true,
  });
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    set: () => undefined,
    get: () => null,
    configurable: true,
  });
  Object.defineProperty(HTMLMediaElement.prototype, 'play', {
    value: () => Promise.resolve(),
    configurable: true,
  });
  connectSocket();
});
afterEach(() => {
  // The phone store is the page's: back to "never heard of" before the next test.
  pageSocket.serverEmit('phone:status', phone('unpaired'));
  pageSocket.reset();
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

describe('SelfView', () => {
  it('shows the PC camera alone, with no switch and no dot, when no phone is paired', async () => {
    render(<SelfView registrationId={REGISTRATION} />);
    expect(await screen.findByLabelText('电脑摄像头画面（您自己）')).toBeInTheDocument();
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('手机摄像头')).toBeNull();
    expect(screen.queryByTestId('phone-dot')).toBeNull();
  });

  it('shows the phone status dot and switches to the phone picture once a phone is paired', async () => {
    const user = userEvent.setup();
    render(<SelfView registrationId={REGISTRATION} />);
    pageSocket.serverEmit('phone:status', phone('live'));
    expect(screen.getByTestId('phone-dot')).toHaveTextContent('手机在线');
    pageSocket.serverEmit('phone:status', phone('lost'));
    expect(screen.getByTestId('phone-dot')).toHaveTextContent('手机离线');

    await user.click(screen.getByText('手机摄像头'));
    // The phone publishes nothing now: said in a line instead of a black picture.
    expect(screen.getByText('手机画面暂不可用，请检查手机是否仍在拍摄。')).toBeVisible();
    expect(screen.queryByLabelText('电脑摄像头画面（您自己）')).toBeNull();
    await user.click(screen.getByText('电脑摄像头'));
    expect(await screen.findByLabelText('电脑摄像头画面（您自己）')).toBeInTheDocument();
  });

  it('says in a line that the camera failed, and collapses to its title', async () => {
    const user = userEvent.setup();
    getUserMedia.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    render(<SelfView registrationId={REGISTRATION} />);
    expect(
      await screen.findByText(
        '电脑摄像头无法打开，考试照常进行；如监考老师要求，请检查摄像头后刷新页面。',
      ),
    ).toBeVisible();
    const region = screen.getByRole('region', { name: '摄像头画面' });
    await user.click(within(region).getByRole('button', { name: '收起画面' }));
    expect(screen.queryByText(/电脑摄像头无法打开/)).toBeNull();
    expect(within(region).getByRole('button', { name: '展开画面' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });
});
