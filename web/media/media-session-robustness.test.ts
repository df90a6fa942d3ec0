import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaSession } from './media-session.js';
import { FakeLink, FakeNetwork, FakeRelay, fakeTrack } from './p2p-fakes.test-support.js';
import { DISCONNECTED_RESTART_MS, PublisherPeer } from './p2p-peers.js';
import { P2PTransport } from './p2p-transport.js';
import { DEFAULT_MEDIA_BUDGET } from '../../shared/api/media.js';
import { senderCapsOf } from './sender-caps.js';

const target = { registrationId: '00000000-0000-4000-8000-000000000001', source: 'phone' } as const;

/** A phone publishing to a PC over the fake relay, the phone's network under the test's hand. */
function setUp() {
  const relay = new FakeRelay();
  const phoneSocket = relay.connect('phone-socket');
  const pcSocket = relay.connect('pc-socket');
  const network = new FakeNetwork();
  let nextPeer = 0;
  const phone = new MediaSession(
    new P2PTransport({
      signaling: phoneSocket,
      createLink: (_ice, events) => new FakeLink(events),
    }),
    { networkChanges: network.changes },
  );
  const pc = new MediaSession(
    new P2PTransport({
      signaling: pcSocket,
      createLink: (_ice, events) => new FakeLink(events),
      newPeerId: () => `peer${String(++nextPeer)}`,
    }),
  );
  relay.registerPublisher(target, 'phone-socket');
  return { relay, pcSocket, network, phone, pc };
}

async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

describe('MediaSession robustness', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeLink.created = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('mutes and unmutes the microphone and the camera apart (track.enabled), each change once', () => {
    const { phone } = setUp();
    const camera = fakeTrack('cam');
    const microphone = fakeTrack('mic', 'audio');
    const publication = phone.publish([camera, microphone], { source: 'phone' });
    const changes: string[] = [];
    phone.on('localMuteChanged', (changed, kind, isMuted) => {
      expect(changed).toBe(publication);
      changes.push(`${kind} ${isMuted ? 'muted' : 'on'}`);
    });
    publication.mute('audio');
    publication.mute('audio');
    expect([microphone.enabled, camera.enabled]).toEqual([false, true]);
    expect([publication.isMuted('audio'), publication.isMuted('video')]).toEqual([true, false]);
    publication.mute();
    expect(camera.enabled).toBe(false);
    publication.unmute();
    expect([microphone.enabled, camera.enabled]).toEqual([true, true]);
    expect(changes).toEqual(['audio muted', 'video muted', 'video on', 'audio on']);
    // An unpublished track is no longer the session's to change.
    publication.unpublish();
    publication.mute();
    expect(camera.enabled).toBe(true);
  });

  it('switches the device with replaceTrack on every publisher peer, without a new offer', async () => {
    const { phone, pc, pcSocket } = setUp();
    const front = fakeTrack('front');
    const rear = fakeTrack('rear');
    const publication = phone.publish(front, { source: 'phone' });
    const first = pc.subscribe(target);
    const second = pc.subscribe(target);
    await settle();
    const publisherLinks = FakeLink.created.filter((link) => link.sentTracks.length > 0);
    expect(publisherLinks).toHaveLength(2);
    for (const link of FakeLink.created) link.events.onStateChange('connected');

    publication.mute();
    const replaced: MediaStreamTrack[] = [];
    phone.on('localTrackReplaced', (_publication, previous) => replaced.push(previous));
    expect(phone.switchDevice('phone', rear)).toBe(front);
    await settle();

    for (const link of publisherLinks) {
      expect(link.replacedTracks).toEqual([rear]);
      expect(link.sentTracks).toEqual([rear]);
      expect(link.offers).toHaveLength(1);
      expect(link.isClosed).toBe(false);
    }
    expect(publication.tracks).toEqual([rear]);
    expect(rear.enabled).toBe(false); // still muted
    expect(replaced).toEqual([front]);
    expect([first.state, second.state]).toEqual(['connected', 'connected']);
    expect(pcSocket.watches).toHaveLength(2);

    // A subscriber arriving later is offered the new camera.
    pc.subscribe(target);
    await settle();
    expect(
      FakeLink.created.filter((link) => link.sentTracks.length > 0).at(-1)?.sentTracks,
    ).toEqual([rear]);
    expect(() => phone.switchDevice('camera', rear)).toThrow(/camera/);
  });

  it('restarts ICE on every publisher peer when the network comes back, keeping the peers', async () => {
    const { phone, pc, pcSocket, network } = setUp();
    phone.publish(fakeTrack('cam'), { source: 'phone' });
    const subscription = pc.subscribe(target);
    await settle();
    const [publisherLink, subscriberLink] = FakeLink.created;
    subscriberLink?.events.onStateChange('connected');
    publisherLink?.events.onStateChange('connected');

    network.comeBackOnline();
    await settle();
    expect(publisherLink?.offers.map((offer) => offer.sdp)).toEqual(['offer-1', 'offer-2-restart']);
    expect(subscriberLink?.remoteDescriptions.at(-1)?.sdp).toBe('offer-2-restart');
    expect(publisherLink?.remoteDescriptions.at(-1)?.sdp).toBe('answer-to-offer-2-restart');
    expect(subscription.state).toBe('connected');
    expect(pcSocket.watches).toHaveLength(1);

    phone.close();
    expect(network.listenerCount).toBe(0);
  });

  it('restarts ICE after the publisher peer stays disconnected, not after a brief glitch', async () => {
    const { phone, pc } = setUp();
    phone.publish(fakeTrack('cam'), { source: 'phone' });
    pc.subscribe(target);
    await settle();
    const [publisherLink] = FakeLink.created;
    publisherLink?.events.onStateChange('connected');

    publisherLink?.events.onStateChange('disconnected');
    await vi.advanceTimersByTimeAsync(DISCONNECTED_RESTART_MS - 500);
    publisherLink?.events.onStateChange('connected');
    await vi.advanceTimersByTimeAsync(DISCONNECTED_RESTART_MS);
    expect(publisherLink?.offers).toHaveLength(1);

    publisherLink?.events.onStateChange('disconnected');
    await vi.advanceTimersByTimeAsync(DISCONNECTED_RESTART_MS);
    expect(publisherLink?.offers.map((offer) => offer.sdp)).toEqual(['offer-1', 'offer-2-restart']);
    // Connected again after the restart: a later failure may restart once more.
    publisherLink?.events.onStateChange('connected');
    publisherLink?.events.onStateChange('failed');
    await settle();
    expect(publisherLink?.offers).toHaveLength(3);
    expect(publisherLink?.isClosed).toBe(false);
  });
});

describe('PublisherPeer', () => {
  it('holds an ICE restart asked for while its offer is unanswered, and sends it after the answer', async () => {
    const sent: (string | undefined)[] = [];
    const link = new FakeLink({
      onCandidate: () => undefined,
      onStateChange: () => undefined,
      onTrack: () => undefined,
    });
    const peer = new PublisherPeer({
      link,
      tracks: [fakeTrack('cam')],
      caps: senderCapsOf(DEFAULT_MEDIA_BUDGET, 'proctoring', 'camera', 'full'),
      send: (body) => sent.push(body.description?.sdp),
      onGone: () => undefined,
      requestRestart: () => undefined,
    });
    await peer.start();
    await peer.restartIce();
    expect(sent).toEqual(['offer-1']);
    await peer.handleSignal({ description: { type: 'answer', sdp: 'answer-1' } });
    expect(sent).toEqual(['offer-1', 'offer-2-restart']);
  });
});
