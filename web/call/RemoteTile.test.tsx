// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from '../test/render.js';
import {
  FakeRemoteStream,
  fakeMediaSession,
  stubMediaElements,
} from './fake-media.test-support.js';
import { RemoteTile } from './RemoteTile.js';

// A candidate PC without a camera publishes its microphone alone (issue 19): the examiner's tile
// of that camera says so and keeps the sound, instead of a black picture marked 已连接 or 未在线.

const REGISTRATION = '00000000-0000-4000-8000-0000000000c1';

function renderCameraTile(onAudioOnlyChange = vi.fn()) {
  const media = fakeMediaSession();
  render(
    <RemoteTile
      session={media.session}
      target={{ registrationId: REGISTRATION, source: 'camera' }}
      name="周宁"
      title="摄像头画面"
      withSound
      audioOnlyText="仅声音：考生电脑未开启摄像头"
      onAudioOnlyChange={onAudioOnlyChange}
      testId="candidate-camera"
    />,
  );
  return { publisher: media.publisher('camera'), onAudioOnlyChange };
}

const tile = () => screen.getByTestId('candidate-camera-tile');
const status = () => within(tile()).getByRole('status');

beforeEach(() => {
  stubMediaElements();
});

describe('a remote camera that brings sound only', () => {
  it('says 仅声音 with the reason, still plays the sound, and tells the stage', () => {
    const { publisher, onAudioOnlyChange } = renderCameraTile();
    publisher.goLive(new FakeRemoteStream(['audio']));

    expect(status()).toHaveTextContent('仅声音：考生电脑未开启摄像头');
    expect(status()).not.toHaveTextContent('已连接');
    expect(status()).not.toHaveTextContent('未在线');
    expect(within(tile()).getByTestId('audio-only-cover')).toHaveTextContent('仅声音');
    const video = screen.getByLabelText('周宁的声音（无画面）');
    expect(video).toHaveAttribute('data-state', 'live');
    expect((video as HTMLVideoElement).muted).toBe(false);
    expect(onAudioOnlyChange).toHaveBeenLastCalledWith(true);
  });

  it('shows 已静音 when the candidate mutes the microphone', () => {
    const { publisher } = renderCameraTile();
    publisher.goLive(new FakeRemoteStream(['audio']));
    publisher.mute({ audio: true, video: false });
    expect(status()).toHaveTextContent('已静音');
    publisher.mute({ audio: false, video: false });
    expect(status()).not.toHaveTextContent('已静音');
  });

  it('turns into the picture when a video track arrives later (tracks come one by one)', () => {
    const { publisher, onAudioOnlyChange } = renderCameraTile();
    const stream = new FakeRemoteStream(['audio']);
    publisher.goLive(stream);
    expect(status()).toHaveTextContent('仅声音');

    act(() => {
      stream.receive('video');
    });
    expect(status()).toHaveTextContent('已连接');
    expect(within(tile()).queryByTestId('audio-only-cover')).toBeNull();
    expect(screen.getByLabelText('周宁的摄像头画面')).toBeInTheDocument();
    expect(onAudioOnlyChange).toHaveBeenLastCalledWith(false);

    act(() => {
      stream.drop('video');
    });
    expect(status()).toHaveTextContent('仅声音：考生电脑未开启摄像头');
    expect(onAudioOnlyChange).toHaveBeenLastCalledWith(true);
  });
});

describe('a remote camera with a picture, or none at all', () => {
  it('is a connected picture, never 仅声音', () => {
    const { publisher, onAudioOnlyChange } = renderCameraTile();
    publisher.goLive(new FakeRemoteStream(['audio', 'video']));
    expect(status()).toHaveTextContent('已连接');
    expect(within(tile()).queryByTestId('audio-only-cover')).toBeNull();
    expect(screen.getByLabelText('周宁的摄像头画面')).toBeInTheDocument();
    expect(onAudioOnlyChange).not.toHaveBeenCalled();
  });

  it('says 未在线 while nobody publishes it, not 仅声音', () => {
    const { publisher, onAudioOnlyChange } = renderCameraTile();
    publisher.goOffline();
    expect(status()).toHaveTextContent('未在线');
    expect(within(tile()).queryByTestId('audio-only-cover')).toBeNull();
    expect(onAudioOnlyChange).not.toHaveBeenCalled();
  });

  it('uses the general 仅声音 text where no reason is given (an examiner without a camera)', () => {
    const media = fakeMediaSession();
    render(
      <RemoteTile
        session={media.session}
        target={{ sessionId: REGISTRATION, staffId: REGISTRATION, source: 'staff' }}
        name="陈老师"
        title="陈老师"
        withSound
        testId="examiner-video"
      />,
    );
    media.publisher('staff').goLive(new FakeRemoteStream(['audio']));
    expect(within(screen.getByTestId('examiner-video-tile')).getByRole('status')).toHaveTextContent(
      '仅声音：对方未开启摄像头',
    );
  });
});
