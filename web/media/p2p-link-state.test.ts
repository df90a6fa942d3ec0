import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaSession, type MediaLinkState } from './media-session.js';
import { FakeLink, FakeRelay, fakeTrack } from './p2p-fakes.test-support.js';
import { P2PTransport } from './p2p-transport.js';

// Issue 19 §2: a page learns that its media broke before its socket does (the session's
// linkState, which the reconnecting banner follows), and staff read a subscription's stats
// (the link quality) without touching its RTCPeerConnection.

const camera = {
  registrationId: '00000000-0000-4000-8000-0000000000b1',
  source: 'camera',
} as const;

function setUp() {
  const relay = new FakeRelay();
  let nextPeer = 0;
  const sessionOn = (socketId: string) =>
    new MediaSession(
      new P2PTransport({
        signaling: relay.connect(socketId),
        createLink: (_ice, events) => new FakeLink(events),
        newPeerId: () => `${socketId}-peer${String(++nextPeer)}`,
      }),
    );
  return { relay, candidate: sessionOn('pc'), examiner: sessionOn('examiner') };
}

async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

describe('the session’s link state and a subscription’s stats', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeLink.created = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is interrupted while every connection of the page is down, the published ones included', async () => {
    const { relay, candidate, examiner } = setUp();
    const states: MediaLinkState[] = [];
    candidate.on('linkStateChanged', (state) => states.push(state));
    candidate.publish([fakeTrack('cam'), fakeTrack('mic', 'audio')], {
      registrationId: camera.registrationId,
      source: 'camera',
    });
    relay.registerPublisher(camera, 'pc');
    examiner.subscribe(camera);
    await settle();
    const [published, received] = FakeLink.created;
    expect(candidate.linkState).toBe('idle');

    published?.events.onStateChange('connected');
    received?.events.onStateChange('connected');
    expect(candidate.linkState).toBe('connected');
    expect(examiner.linkState).toBe('connected');

    // The candidate's network goes: ICE says so on both ends, the sockets are still "up".
    published?.events.onStateChange('disconnected');
    received?.events.onStateChange('disconnected');
    expect(candidate.linkState).toBe('interrupted');
    expect(examiner.linkState).toBe('interrupted');
    expect(candidate.state).toBe('connected');

    published?.events.onStateChange('connected');
    expect(states).toEqual(['connected', 'interrupted', 'connected']);
  });

  it('is interrupted when nothing arrives for about 3 s, before ICE says disconnected', async () => {
    const { relay, candidate, examiner } = setUp();
    candidate.publish(fakeTrack('cam'), {
      registrationId: camera.registrationId,
      source: 'camera',
    });
    relay.registerPublisher(camera, 'pc');
    examiner.subscribe(camera);
    await settle();
    const [published] = FakeLink.created;
    let bytes = 100;
    if (published) {
      published.getStats = () =>
        Promise.resolve(
          new Map([
            ['T', { id: 'T', type: 'transport', bytesReceived: bytes }],
          ]) as unknown as RTCStatsReport,
        );
    }
    published?.events.onStateChange('connected');
    for (let second = 0; second < 4; second++) {
      bytes += 500;
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(candidate.linkState).toBe('connected');
    // The network goes: no feedback from the viewer any more, ICE still says connected.
    await vi.advanceTimersByTimeAsync(4_000);
    expect(candidate.linkState).toBe('interrupted');
    bytes += 500;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(candidate.linkState).toBe('connected');
  });

  it('stays connected while another viewer’s connection is up', async () => {
    const { relay, candidate, examiner } = setUp();
    candidate.publish(fakeTrack('cam'), {
      registrationId: camera.registrationId,
      source: 'camera',
    });
    relay.registerPublisher(camera, 'pc');
    examiner.subscribe(camera);
    examiner.subscribe(camera);
    await settle();
    const publishedLinks = FakeLink.created.filter((link) => link.sentTracks.length > 0);
    expect(publishedLinks).toHaveLength(2);
    for (const link of publishedLinks) link.events.onStateChange('connected');
    publishedLinks[0]?.events.onStateChange('disconnected');
    expect(candidate.linkState).toBe('connected');
  });

  it('forgets a broken connection the page no longer has: idle, not interrupted', async () => {
    const { relay, candidate, examiner } = setUp();
    const publication = candidate.publish(fakeTrack('cam'), {
      registrationId: camera.registrationId,
      source: 'camera',
    });
    relay.registerPublisher(camera, 'pc');
    examiner.subscribe(camera);
    await settle();
    const [published] = FakeLink.created;
    published?.events.onStateChange('connected');
    published?.events.onStateChange('disconnected');
    expect(candidate.linkState).toBe('interrupted');
    publication.unpublish();
    expect(candidate.linkState).toBe('idle');
  });

  it('reads a subscription’s stats as a plain sample, null while it has no connection', async () => {
    const { relay, candidate, examiner } = setUp();
    const subscription = examiner.subscribe(camera);
    await settle();
    expect(await subscription.readStats()).toBeNull();

    candidate.publish(fakeTrack('cam'), {
      registrationId: camera.registrationId,
      source: 'camera',
    });
    relay.registerPublisher(camera, 'pc');
    relay.announceAvailable(camera);
    await settle();
    const received = FakeLink.created.find((link) => link.sentTracks.length === 0);
    received?.events.onStateChange('connected');
    if (received) {
      received.stats = [
        { id: 'IV', type: 'inbound-rtp', kind: 'video', packetsReceived: 90, framesDecoded: 30 },
        { id: 'IA', type: 'inbound-rtp', kind: 'audio', packetsReceived: 50, packetsLost: 2 },
      ];
    }
    expect(await subscription.readStats(() => 42)).toEqual({
      at: 42,
      packetsReceived: 140,
      packetsLost: 2,
      framesDecoded: 30,
      audioSamples: 0,
      hasVideo: true,
      jitterMs: null,
      rttMs: null,
    });
  });
});
