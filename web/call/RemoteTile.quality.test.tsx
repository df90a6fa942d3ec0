// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LINK_QUALITY_INTERVAL_MS } from '../media/link-quality.js';
import { render } from '../test/render.js';
import {
  FakeRemoteStream,
  fakeMediaSession,
  stubMediaElements,
  type FakePublisher,
} from './fake-media.test-support.js';
import { RemoteTile } from './RemoteTile.js';

// Issue 19 §2: staff see the candidate's link quality under the camera tile, from the
// subscription's stats: 网络良好 / 网络较差 / 网络中断, in a live region of its own.

const REGISTRATION = '00000000-0000-4000-8000-0000000000c2';

/** Inbound totals as Chrome reports them (audio and video of the candidate's camera). */
function inbound(packets: number, lost: number, frames: number): Record<string, unknown>[] {
  return [
    {
      id: 'IA',
      type: 'inbound-rtp',
      kind: 'audio',
      packetsReceived: packets / 2,
      packetsLost: lost,
    },
    {
      id: 'IV',
      type: 'inbound-rtp',
      kind: 'video',
      packetsReceived: packets / 2,
      framesDecoded: frames,
    },
  ];
}

function renderTile(showLinkQuality = true): FakePublisher {
  const media = fakeMediaSession();
  render(
    <RemoteTile
      session={media.session}
      target={{ registrationId: REGISTRATION, source: 'camera' }}
      name="周宁"
      title="摄像头画面"
      testId="candidate-camera"
      showLinkQuality={showLinkQuality}
    />,
  );
  return media.publisher('camera');
}

/** One stats interval passes (the tile reads the stats, the promise settles). */
async function nextInterval(publisher: FakePublisher, reports: Record<string, unknown>[]) {
  publisher.setStats(reports);
  await act(async () => {
    await vi.advanceTimersByTimeAsync(LINK_QUALITY_INTERVAL_MS);
  });
}

const indicator = () => screen.queryByTestId('candidate-camera-quality');

beforeEach(() => {
  stubMediaElements();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the link quality on a candidate’s tile', () => {
  it('says 网络良好, 网络较差 under loss, and 网络中断 when nothing arrives', async () => {
    const publisher = renderTile();
    publisher.goLive(new FakeRemoteStream(['audio', 'video']));
    await nextInterval(publisher, inbound(100, 0, 10));
    // One sample is no interval yet: nothing shown.
    expect(indicator()).toBeNull();
    await nextInterval(publisher, inbound(300, 0, 40));
    expect(indicator()).toHaveTextContent('网络良好');
    expect(indicator()).toHaveAttribute('role', 'status');
    expect(indicator()).toHaveAttribute('aria-live', 'polite');

    await nextInterval(publisher, inbound(500, 20, 70));
    expect(indicator()).toHaveTextContent('网络较差');
    await nextInterval(publisher, inbound(500, 20, 70));
    expect(indicator()).toHaveTextContent('网络中断');
    expect(indicator()).toHaveAttribute('data-quality', 'lost');
  });

  it('says 网络中断 at once when the connection goes down, and recovers with the stats', async () => {
    const publisher = renderTile();
    publisher.goLive(new FakeRemoteStream(['audio', 'video']));
    await nextInterval(publisher, inbound(100, 0, 10));
    await nextInterval(publisher, inbound(300, 0, 40));
    publisher.interrupt();
    expect(indicator()).toHaveTextContent('网络中断');

    // Connected again (a new connection: its totals start over).
    publisher.goLive(new FakeRemoteStream(['audio', 'video']));
    await nextInterval(publisher, inbound(50, 0, 5));
    expect(indicator()).toHaveTextContent('网络中断');
    await nextInterval(publisher, inbound(250, 0, 35));
    expect(indicator()).toHaveTextContent('网络良好');
  });

  it('is not shown where the page does not ask for it (the candidate’s view of staff)', async () => {
    const publisher = renderTile(false);
    publisher.goLive(new FakeRemoteStream(['audio', 'video']));
    await nextInterval(publisher, inbound(100, 0, 10));
    await nextInterval(publisher, inbound(300, 0, 40));
    expect(indicator()).toBeNull();
  });
});
