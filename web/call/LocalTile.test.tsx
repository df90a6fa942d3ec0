// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '../test/render.js';
import { LocalTile } from './LocalTile.js';
import { useLocalMedia } from './useLocalMedia.js';

// A PC with a microphone but no camera (issue 19): the call keeps its sound, says the camera is
// off, and does not claim that nobody can hear the candidate.

function CallPreview() {
  return <LocalTile media={useLocalMedia(true)} />;
}

const fakeStream = (kinds: ('audio' | 'video')[]) => {
  const tracks = kinds.map((kind) => ({ kind, stop: vi.fn() }));
  return {
    getTracks: () => tracks,
    getAudioTracks: () => tracks.filter((track) => track.kind === 'audio'),
    getVideoTracks: () => tracks.filter((track) => track.kind === 'video'),
  } as unknown as MediaStream;
};

let getUserMedia: ReturnType<typeof vi.fn>;

beforeEach(() => {
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
  getUserMedia = vi.fn();
  Object.defineProperty(navigator, 'mediaDevices', {
    value: { getUserMedia },
    configurable: true,
  });
  // jsdom plays no media: attaching a stream to <video> is all the tile does with it.
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    set: () => undefined,
    get: () => null,
    configurable: true,
  });
  Object.defineProperty(HTMLMediaElement.prototype, 'play', {
    value: () => Promise.resolve(),
    configurable: true,
  });
});
afterEach(() => vi.clearAllMocks());

describe('the call preview without a camera', () => {
  it('opens the microphone alone when the camera is missing, and says only the camera is off', async () => {
    getUserMedia
      .mockRejectedValueOnce(new DOMException('Requested device not found', 'NotFoundError'))
      .mockResolvedValueOnce(fakeStream(['audio']));
    render(<CallPreview />);
    expect(
      await screen.findByText('摄像头未打开：对方能听到您，但看不到您的电脑画面。'),
    ).toBeVisible();
    expect(screen.queryByText('无法打开摄像头或麦克风，对方看不到、听不到您。')).toBeNull();
    // The own tile is sound only, not a black picture marked 已连接.
    expect(screen.getByRole('status')).toHaveTextContent('仅声音：摄像头未打开');
    expect(screen.getByTestId('audio-only-cover')).toHaveTextContent('仅声音');
    expect(getUserMedia).toHaveBeenCalledTimes(2);
    const [, audioOnly] = getUserMedia.mock.calls as [MediaStreamConstraints][];
    expect(audioOnly?.[0].video).toBeUndefined();
    expect(audioOnly?.[0].audio).toMatchObject({ echoCancellation: true });
  });

  it('says neither works when the microphone cannot be opened either', async () => {
    const missing = new DOMException('Requested device not found', 'NotFoundError');
    getUserMedia.mockRejectedValueOnce(missing).mockRejectedValueOnce(missing);
    render(<CallPreview />);
    expect(await screen.findByText('无法打开摄像头或麦克风，对方看不到、听不到您。')).toBeVisible();
    expect(screen.getByText('未检测到摄像头或麦克风。请连接设备后刷新页面。')).toBeVisible();
    expect(screen.queryByText(/摄像头未打开/)).toBeNull();
  });

  it('shows no warning when camera and microphone open together', async () => {
    getUserMedia.mockResolvedValueOnce(fakeStream(['audio', 'video']));
    render(<CallPreview />);
    await waitFor(() => expect(getUserMedia).toHaveBeenCalledOnce());
    expect(await screen.findByRole('status')).toHaveTextContent('已连接');
    expect(screen.queryByTestId('audio-only-cover')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/摄像头未打开/)).toBeNull();
  });
});
