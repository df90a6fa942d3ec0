// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeRemoteStream,
  fakeMediaSession,
  stubMediaElements,
} from '../../../call/fake-media.test-support.js';
import { render, sessionUser } from '../../../test/render.js';
import { ExaminerCallStage, candidateTileOrder } from './ExaminerCallStage.js';

// The 候考官's call with a candidate whose PC has no camera and whose phone is the primary camera
// (issue 19): the phone is the candidate's main picture, the PC tile is honest about being sound.

const media = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeMediaSession> | null }));
vi.mock('../../../call/usePageMediaSession.js', () => ({
  usePageMediaSession: () => {
    if (!media.current) throw new Error('no fake media session');
    return media.current.session;
  },
}));

const REGISTRATION = '00000000-0000-4000-8000-0000000000c1';
const SESSION = '00000000-0000-4000-8000-0000000000a1';

function renderStage() {
  media.current = fakeMediaSession();
  render(
    <ExaminerCallStage
      sessionId={SESSION}
      candidate={{ registrationId: REGISTRATION, name: '周宁' }}
      sources={['camera', 'phone']}
    />,
    { user: sessionUser({ role: 'examiner' }) },
  );
  return media.current;
}

/** The candidate's tiles in the order a reader meets them. */
const tileOrder = () =>
  screen
    .getAllByTestId(/^candidate-(camera|phone)-tile$/)
    .map((tile) => tile.getAttribute('data-testid'));

beforeEach(() => {
  stubMediaElements();
});

describe('the examiner sees a candidate without a PC camera', () => {
  it('puts the phone first as the main picture and the PC as 电脑声音, 仅声音', () => {
    const { publisher } = renderStage();
    expect(tileOrder()).toEqual(['candidate-camera-tile', 'candidate-phone-tile']);

    publisher('camera').goLive(new FakeRemoteStream(['audio']));
    publisher('phone').goLive(new FakeRemoteStream(['video']));

    expect(tileOrder()).toEqual(['candidate-phone-tile', 'candidate-camera-tile']);
    const phone = screen.getByTestId('candidate-phone-tile');
    expect(phone).toHaveTextContent('手机画面（主画面）');
    expect(within(phone).getByRole('status')).toHaveTextContent('已连接');
    const camera = screen.getByTestId('candidate-camera-tile');
    expect(camera).toHaveTextContent('电脑声音');
    expect(within(camera).getByRole('status')).toHaveTextContent('仅声音：考生电脑未开启摄像头');
    expect(screen.getByLabelText('周宁的声音（无画面）')).toHaveAttribute('data-state', 'live');
    // The main picture is the wider one.
    expect(phone.style.maxWidth).toBe('480px');
    expect(camera.style.maxWidth).toBe('240px');
  });

  it('keeps the PC camera first, as the main picture, when it has one', () => {
    const { publisher } = renderStage();
    publisher('camera').goLive(new FakeRemoteStream(['audio', 'video']));
    publisher('phone').goLive(new FakeRemoteStream(['video']));
    expect(tileOrder()).toEqual(['candidate-camera-tile', 'candidate-phone-tile']);
    expect(screen.getByTestId('candidate-camera-tile')).toHaveTextContent('摄像头画面');
    expect(screen.getByTestId('candidate-phone-tile')).not.toHaveTextContent('主画面');
  });
});

describe('candidateTileOrder', () => {
  it('moves the phone first only when the camera brings sound only', () => {
    expect(candidateTileOrder(['camera', 'phone', 'screen'], false)).toEqual([
      'camera',
      'phone',
      'screen',
    ]);
    expect(candidateTileOrder(['camera', 'phone', 'screen'], true)).toEqual([
      'phone',
      'camera',
      'screen',
    ]);
  });

  it('leaves the order alone when there is no phone to show', () => {
    expect(candidateTileOrder(['camera', 'screen'], true)).toEqual(['camera', 'screen']);
  });
});
