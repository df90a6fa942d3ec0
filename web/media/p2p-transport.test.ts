import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaSession, type ConnectionState } from './media-session.js';
import { FakeLink, FakeRelay, candidate } from './p2p-fakes.test-support.js';
import { P2PTransport } from './p2p-transport.js';
import { MAX_WATCH_ATTEMPTS, OFFER_WAIT_MS, RESTART_WAIT_MS } from './p2p-subscription.js';

// Node has no MediaStreamTrack; the transport only passes tracks through.
const phoneTrack = {
  kind: 'video',
  id: 'phone-track',
  enabled: true,
} as unknown as MediaStreamTrack;
const microphoneTrack = {
  kind: 'audio',
  id: 'phone-mic',
  enabled: true,
} as unknown as MediaStreamTrack;
const remoteStream = { id: 'remote-stream' } as unknown as MediaStream;
const target = { registrationId: '00000000-0000-4000-8000-000000000001', source: 'phone' } as const;

function setUp() {
  const relay = new FakeRelay();
  const phoneSocket = relay.connect('phone-socket');
  const pcSocket = relay.connect('pc-socket');
  let nextPeer = 0;
  const phone = new MediaSession(
    new P2PTransport({
      signaling: phoneSocket,
      createLink: (_ice, events) => new FakeLink(events),
    }),
  );
  const pc = new MediaSession(
    new P2PTransport({
      signaling: pcSocket,
      createLink: (_ice, events) => new FakeLink(events),
      newPeerId: () => `peer${++nextPeer}`,
    }),
  );
  return { relay, phoneSocket, pcSocket, phone, pc };
}

/** Lets queued deliveries and awaited steps run (fake timers keep real microtasks). */
async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}

describe('P2PTransport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeLink.created = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('negotiates a sendonly offer from the publisher and an answer from the subscriber', async () => {
    const { relay, phone, pc } = setUp();
    phone.publish(phoneTrack, { source: 'phone' });
    relay.registerPublisher(target, 'phone-socket');
    const states: ConnectionState[] = [];
    const subscription = pc.subscribe(target);
    subscription.on('stateChanged', (state) => states.push(state));
    await settle();

    const [publisherLink, subscriberLink] = FakeLink.created;
    expect(publisherLink?.sentTracks).toEqual([phoneTrack]);
    expect(subscriberLink?.remoteDescriptions).toEqual([{ type: 'offer', sdp: 'offer-1' }]);
    expect(publisherLink?.remoteDescriptions).toEqual([
      { type: 'answer', sdp: 'answer-to-offer-1' },
    ]);
    // The candidate gathered with the offer waited for the offer, then was applied.
    expect(subscriberLink?.candidates).toEqual([candidate('local-1')]);
    expect(relay.log.slice(0, 3)).toEqual([
      'phone-socket->pc-socket candidate',
      'phone-socket->pc-socket offer',
      'pc-socket->phone-socket answer',
    ]);

    subscriberLink?.events.onTrack(phoneTrack, remoteStream);
    subscriberLink?.events.onStateChange('connected');
    expect(subscription.state).toBe('connected');
    expect(subscription.stream).toBe(remoteStream);
    expect(states).toEqual(['connected']);
  });

  it("tells each subscriber what the publisher muted: on every change, and after a new peer's offer", async () => {
    const { relay, phone, pc } = setUp();
    const publication = phone.publish([phoneTrack, microphoneTrack], { source: 'phone' });
    relay.registerPublisher(target, 'phone-socket');
    const first = pc.subscribe(target);
    const heard: string[] = [];
    first.on('remoteMuteChanged', (mute) => heard.push(JSON.stringify(mute)));
    await settle();
    expect(first.remoteMute).toEqual({ audio: false, video: false });

    publication.mute('audio');
    await settle();
    expect(first.remoteMute).toEqual({ audio: true, video: false });
    publication.mute('audio'); // no change, nothing sent
    publication.unmute('audio');
    publication.mute('video');
    await settle();
    expect(heard).toEqual([
      '{"audio":true,"video":false}',
      '{"audio":false,"video":false}',
      '{"audio":false,"video":true}',
    ]);

    // A subscriber arriving later learns the state with its connection.
    const second = pc.subscribe(target);
    await settle();
    expect(second.remoteMute).toEqual({ audio: false, video: true });
  });

  it('restarts ICE once when the publisher side fails, and gives the peer up after that', async () => {
    const { relay, phone, pc } = setUp();
    phone.publish(phoneTrack, { source: 'phone' });
    relay.registerPublisher(target, 'phone-socket');
    const subscription = pc.subscribe(target);
    await settle();
    const [publisherLink, subscriberLink] = FakeLink.created;
    subscriberLink?.events.onStateChange('connected');

    publisherLink?.events.onStateChange('failed');
    subscriberLink?.events.onStateChange('failed');
    await settle();
    expect(publisherLink?.offers.map((offer) => offer.sdp)).toEqual(['offer-1', 'offer-2-restart']);
    expect(subscriberLink?.remoteDescriptions.at(-1)).toEqual({
      type: 'offer',
      sdp: 'offer-2-restart',
    });
    expect(subscription.state).toBe('reconnecting');
    subscriberLink?.events.onStateChange('connected');
    expect(subscription.state).toBe('connected');

    publisherLink?.events.onStateChange('failed');
    await settle();
    expect(publisherLink?.isClosed).toBe(true);
    expect(publisherLink?.offers).toHaveLength(2);
  });

  it('asks again with a new peer id when the publisher side closes the peer', async () => {
    const { relay, phone, pc, pcSocket } = setUp();
    phone.publish(phoneTrack, { source: 'phone' });
    relay.registerPublisher(target, 'phone-socket');
    const subscription = pc.subscribe(target);
    const removed: MediaStreamTrack[] = [];
    subscription.on('trackRemoved', (track) => removed.push(track));
    await settle();
    const subscriberLink = FakeLink.created[1];
    subscriberLink?.events.onTrack(phoneTrack, remoteStream);
    subscriberLink?.events.onStateChange('connected');

    // A new camera track replaces the old one: its peers close and the subscriber re-watches.
    phone.publish(phoneTrack, { source: 'phone' });
    await settle();
    expect(subscription.state).toBe('reconnecting');
    expect(removed).toEqual([phoneTrack]);
    expect(subscriberLink?.isClosed).toBe(true);

    await vi.advanceTimersByTimeAsync(1000);
    expect(pcSocket.watches.map((watch) => watch.peerId)).toEqual(['peer1', 'peer2']);
    const newSubscriberLink = FakeLink.created.at(-1);
    newSubscriberLink?.events.onStateChange('connected');
    expect(subscription.state).toBe('connected');
  });

  it('retries while the phone is not publishing, then reports failed with the code', async () => {
    const { pc, pcSocket } = setUp();
    const subscription = pc.subscribe(target);
    await settle();
    expect(subscription.state).toBe('connecting');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pcSocket.watches).toHaveLength(MAX_WATCH_ATTEMPTS);
    expect(subscription.state).toBe('failed');
    expect(subscription.reason).toBe('MEDIA_UNAVAILABLE');
  });

  it('asks at once when the server says the stream came on, even after giving up', async () => {
    const { relay, pc, pcSocket, phone } = setUp();
    const subscription = pc.subscribe(target);
    await settle();
    expect(pcSocket.watches).toHaveLength(1);
    // Another stream coming on changes nothing.
    relay.announceAvailable({ registrationId: target.registrationId, source: 'screen' });
    await settle();
    expect(pcSocket.watches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(subscription.state).toBe('failed');
    const watchesWhenFailed = pcSocket.watches.length;

    phone.publish([phoneTrack, microphoneTrack], { source: 'phone' });
    relay.registerPublisher(target, 'phone-socket');
    relay.announceAvailable(target);
    await settle();
    expect(pcSocket.watches).toHaveLength(watchesWhenFailed + 1);
    expect(subscription.state).toBe('connecting');
    // The camera and its microphone travel on one peer connection.
    const [publisherLink] = FakeLink.created.filter((link) => link.sentTracks.length > 0);
    expect(publisherLink?.sentTracks).toEqual([phoneTrack, microphoneTrack]);
  });

  it('says why it is still waiting: MEDIA_UNAVAILABLE while nobody publishes', async () => {
    const { pc } = setUp();
    const reasons: (string | null)[] = [];
    const subscription = pc.subscribe(target);
    subscription.on('stateChanged', (_state, code) => reasons.push(code));
    await settle();
    expect(subscription.state).toBe('connecting');
    expect(subscription.reason).toBe('MEDIA_UNAVAILABLE');
    // Asking again does not flicker back to "no reason".
    await vi.advanceTimersByTimeAsync(3_000);
    expect(reasons).toEqual(['MEDIA_UNAVAILABLE']);
  });

  it("announces a PC's camera to the server, again after a reconnect, and withdraws it", async () => {
    const { relay, phoneSocket, phone, pc } = setUp();
    // Here the "phone" session plays a candidate PC publishing its camera.
    const camera = { registrationId: target.registrationId, source: 'camera' } as const;
    phone.publish(phoneTrack, camera);
    expect(relay.publishers.get(`${camera.registrationId}/camera`)).toBe('phone-socket');

    relay.publishers.clear(); // the server forgot the socket's publications on disconnect
    phoneSocket.disconnect();
    phoneSocket.connect();
    expect(relay.publishers.get(`${camera.registrationId}/camera`)).toBe('phone-socket');

    const subscription = pc.subscribe(camera);
    await settle();
    expect(FakeLink.created[0]?.sentTracks).toEqual([phoneTrack]);
    pc.unsubscribe(subscription);

    phone.close();
    expect(relay.publishers.has(`${camera.registrationId}/camera`)).toBe(false);
  });

  it('fails at once on a refusal that asking again cannot fix', async () => {
    const { pc, pcSocket } = setUp();
    pcSocket.refuseWith = 'FORBIDDEN';
    const subscription = pc.subscribe(target);
    await settle();
    expect(subscription.state).toBe('failed');
    expect(subscription.reason).toBe('FORBIDDEN');
    expect(pcSocket.watches).toHaveLength(1);
  });

  it('asks again when no offer comes, and after ICE does not recover', async () => {
    const { relay, pc, pcSocket } = setUp();
    // Registered as publisher but publishing nothing: the watch is accepted, no offer follows.
    relay.registerPublisher(target, 'phone-socket');
    pc.subscribe(target);
    await settle();
    await vi.advanceTimersByTimeAsync(OFFER_WAIT_MS + 1000);
    expect(pcSocket.watches).toHaveLength(2);
  });

  it('asks again when ICE fails and no restart offer arrives in time', async () => {
    const { relay, phone, pc, pcSocket } = setUp();
    phone.publish(phoneTrack, { source: 'phone' });
    relay.registerPublisher(target, 'phone-socket');
    const subscription = pc.subscribe(target);
    await settle();
    const subscriberLink = FakeLink.created[1];
    subscriberLink?.events.onStateChange('connected');
    subscriberLink?.events.onStateChange('disconnected');
    expect(subscription.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(RESTART_WAIT_MS - 100);
    expect(pcSocket.watches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1100);
    expect(subscriberLink?.isClosed).toBe(true);
    expect(pcSocket.watches).toHaveLength(2);
  });

  it('re-watches after the socket reconnects, and publisher peers of the old socket close', async () => {
    const { relay, phone, pc, pcSocket, phoneSocket } = setUp();
    phone.publish(phoneTrack, { source: 'phone' });
    relay.registerPublisher(target, 'phone-socket');
    const subscription = pc.subscribe(target);
    await settle();
    const [publisherLink, subscriberLink] = FakeLink.created;
    subscriberLink?.events.onStateChange('connected');

    phoneSocket.disconnect();
    expect(phone.state).toBe('reconnecting');
    expect(publisherLink?.isClosed).toBe(true);

    pcSocket.disconnect();
    expect(subscription.state).toBe('reconnecting');
    pcSocket.connect();
    phoneSocket.connect();
    await settle();
    expect(pcSocket.watches).toHaveLength(2);
    FakeLink.created.at(-1)?.events.onStateChange('connected');
    expect(subscription.state).toBe('connected');
    expect(phone.state).toBe('connected');
  });

  it('closing a subscription tells the publisher and stops every retry', async () => {
    const { relay, phone, pc, pcSocket } = setUp();
    phone.publish(phoneTrack, { source: 'phone' });
    relay.registerPublisher(target, 'phone-socket');
    const subscription = pc.subscribe(target);
    await settle();
    const publisherLink = FakeLink.created[0];
    pc.unsubscribe(subscription);
    await settle();
    expect(subscription.state).toBe('closed');
    expect(relay.log).toContain('pc-socket unwatch peer1');
    expect(publisherLink?.isClosed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(pcSocket.watches).toHaveLength(1);
  });
});
