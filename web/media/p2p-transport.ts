import {
  DEFAULT_MEDIA_BUDGET,
  type MediaBudget,
  type MediaQuality,
  type VideoLayer,
} from '../../shared/api/media.js';
import type {
  MediaPublish,
  MediaSource,
  RemoteMute,
  RtcSignal,
  WatchRequested,
} from '../../shared/events.js';
import type {
  MediaTransport,
  PublishAs,
  SubscribeTarget,
  SubscriptionListener,
  TransportListener,
  TransportSubscription,
} from './media-session.js';
import { LinkHealth, StallWatch, type WatchedLink } from './link-health.js';
import type { ConnectionState } from './media-session-state.js';
import type { PeerLinkFactory } from './p2p-link.js';
import { PublisherPeer } from './p2p-peers.js';
import type { MediaSignaling } from './p2p-signaling.js';
import { P2PSubscription } from './p2p-subscription.js';
import { senderCapsOf } from './sender-caps.js';

export interface P2PTransportOptions {
  signaling: MediaSignaling;
  createLink: PeerLinkFactory;
  /**
   * STUN/TURN servers for each new peer connection. None are needed on loopback or a LAN;
   * issue 5 passes the server-issued (coturn REST) credentials here.
   */
  iceServers?: () => RTCIceServer[] | Promise<RTCIceServer[]>;
  /** The caps of every sender (the server's GET /api/media/budget); the defaults when absent. */
  mediaBudget?: () => Promise<MediaBudget>;
  /** A fresh subscriber peer id (unique per socket). */
  newPeerId?: () => string;
}

/** Runs one task after the other, so a peer never handles two signals at once. */
class TaskQueue {
  #tail: Promise<void> = Promise.resolve();

  run(task: () => Promise<void>): void {
    this.#tail = this.#tail.then(task).catch((error: unknown) => {
      console.warn('media: a signaling step failed', error);
    });
  }
}

interface PublishedPeer {
  source: MediaSource;
  peerId: string;
  /** The subscriber's socket. */
  subscriber: string;
  peer: PublisherPeer;
  queue: TaskQueue;
}

/**
 * Transport 1 (docs/design.md "Media"): peer-to-peer, signaled over our socket. A subscriber asks with
 * `media:watch`; the publisher answers `media:watch-requested` with a sendonly offer; ICE
 * trickles both ways over `rtc:signal`; `media:peer-closed` tears a peer down.
 */
export class P2PTransport implements MediaTransport {
  readonly #tracks = new Map<MediaSource, readonly MediaStreamTrack[]>();
  /** The quality each published source is sent at. */
  readonly #qualities = new Map<MediaSource, MediaQuality>();
  /** What each published source has muted; sent to each subscriber after its offer. */
  readonly #muted = new Map<MediaSource, RemoteMute>();
  /** What this PC told the server it publishes; told again after every reconnect. */
  readonly #announced = new Map<MediaSource, MediaPublish>();
  /** Peers this side publishes to, by `${subscriber socket}/${peerId}`. */
  readonly #published = new Map<string, PublishedPeer>();
  readonly #subscriptions = new Set<P2PSubscription>();
  #stopListening: (() => void) | null = null;
  #onStateChange: ((state: ConnectionState) => void) | null = null;
  /** Every peer connection of this page, published or subscribed, up or down. */
  readonly #health = new LinkHealth((state) => this.#listener?.onLinkStateChange?.(state));
  #listener: TransportListener | null = null;
  /** Connections on which nothing arrives count as down before ICE says so. */
  readonly #stalls = new StallWatch(
    () => this.watchedLinks(),
    (key, isStalled) => {
      this.#health.stalled(key, isStalled);
    },
  );

  constructor(private readonly options: P2PTransportOptions) {}

  start(listener: TransportListener): void {
    if (this.#stopListening) return;
    this.#listener = listener;
    this.#onStateChange = listener.onStateChange;
    this.#stalls.start();
    const { signaling } = this.options;
    this.#stopListening = signaling.listen({
      onConnected: () => {
        this.#onStateChange?.('connected');
        // The server forgets a socket's publications when it goes away.
        for (const publication of this.#announced.values()) this.announce(publication);
        for (const subscription of this.#subscriptions) subscription.handleSignalingConnected();
      },
      onDisconnected: () => {
        this.#onStateChange?.('reconnecting');
        // Our socket id changes on reconnect: every peer of the old one is dead.
        this.closePublishedPeers(() => true, false);
        for (const subscription of this.#subscriptions) subscription.handleSignalingLost();
      },
      onWatchRequested: (request) => {
        this.startPublishedPeer(request);
      },
      onPeerClosed: ({ peerId, peer }) => {
        this.closePublishedPeers((key) => key === peerKey(peer, peerId), false);
        for (const subscription of this.#subscriptions) subscription.handlePeerClosed(peerId);
      },
      onSignal: (signal) => {
        this.routeSignal(signal);
      },
      onAvailable: (stream) => {
        for (const subscription of this.#subscriptions) subscription.handleAvailable(stream);
      },
    });
    if (signaling.isConnected) this.#onStateChange('connected');
    else signaling.connect();
  }

  publish(as: PublishAs, tracks: readonly MediaStreamTrack[], quality: MediaQuality): void {
    const { source } = as;
    this.#tracks.set(source, tracks);
    this.#qualities.set(source, quality);
    // Subscribers of earlier tracks of this source ask again when their peer closes.
    this.closePublishedPeers((_key, published) => published.source === source, true);
    // The phone is the publisher of its registration by pairing; a PC or an examiner announces.
    if (as.source !== 'phone') {
      this.#announced.set(source, as);
      if (this.options.signaling.isConnected) this.announce(as);
    }
  }

  replaceTrack(source: MediaSource, track: MediaStreamTrack): void {
    const tracks = this.#tracks.get(source);
    if (!tracks) return;
    this.#tracks.set(
      source,
      tracks.map((existing) => (existing.kind === track.kind ? track : existing)),
    );
    // Same kind, same transceiver: every subscriber keeps its peer and sees the new camera.
    for (const published of this.#published.values()) {
      if (published.source !== source) continue;
      const { peer, queue } = published;
      queue.run(() => peer.replaceTrack(track));
    }
  }

  restartIce(): void {
    // The subscriber side needs nothing: it answers the restart offers it receives, and asks
    // anew (RESTART_WAIT_MS) when none comes.
    for (const { peer, queue } of this.#published.values()) queue.run(() => peer.restartIce());
  }

  setMuted(source: MediaSource, mute: RemoteMute): void {
    this.#muted.set(source, mute);
    for (const published of this.#published.values()) {
      if (published.source !== source) continue;
      const { peerId, subscriber: peer } = published;
      // In the peer's queue: never ahead of its offer.
      published.queue.run(() => {
        this.options.signaling.signal({ peerId, peer, mute });
        return Promise.resolve();
      });
    }
  }

  unpublish(source: MediaSource): void {
    this.#tracks.delete(source);
    this.#qualities.delete(source);
    this.#muted.delete(source);
    this.closePublishedPeers((_key, published) => published.source === source, true);
    const publication = this.#announced.get(source);
    this.#announced.delete(source);
    if (publication && this.options.signaling.isConnected) {
      this.options.signaling.withdraw(publication);
    }
  }

  private announce(publication: MediaPublish): void {
    void this.options.signaling.announce(publication).then((ack) => {
      if (!ack.ok) console.warn('media: the server refused the publication', ack.code);
    });
  }

  subscribe(
    target: SubscribeTarget,
    listener: SubscriptionListener,
    layer: VideoLayer,
  ): TransportSubscription {
    const subscription: P2PSubscription = new P2PSubscription({
      target,
      layer,
      listener: {
        ...listener,
        onStateChange: (state, code) => {
          if (state === 'connected') this.#health.up(subscription);
          else if (state === 'reconnecting') this.#health.down(subscription);
          else if (state === 'failed' || state === 'closed') this.forgetLink(subscription);
          listener.onStateChange(state, code);
        },
      },
      signaling: this.options.signaling,
      createLink: async (events) => this.options.createLink(await this.iceServers(), events),
      newPeerId: this.options.newPeerId ?? randomPeerId,
      onClosed: () => this.#subscriptions.delete(subscription),
    });
    this.#subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  close(): void {
    for (const source of [...this.#announced.keys()]) this.unpublish(source);
    this.#stopListening?.();
    this.#stopListening = null;
    this.closePublishedPeers(() => true, true);
    for (const subscription of [...this.#subscriptions]) subscription.close();
    this.#tracks.clear();
    this.#stalls.stop();
    this.#health.clear();
    this.#onStateChange?.('closed');
    this.#onStateChange = null;
    this.#listener = null;
  }

  /** Delivers a signal to the peer it belongs to: one we publish to, or one we subscribe with. */
  routeSignal(signal: RtcSignal): void {
    const published = this.#published.get(peerKey(signal.peer, signal.peerId));
    if (published) {
      published.queue.run(() => published.peer.handleSignal(signal));
      return;
    }
    for (const subscription of this.#subscriptions) {
      if (subscription.handleSignal(signal)) return;
    }
  }

  private startPublishedPeer({ peerId, peer, source, layer }: WatchRequested): void {
    const tracks = this.#tracks.get(source);
    const quality = this.#qualities.get(source);
    // Not (or no longer) published: the subscriber times out and asks again.
    if (!tracks || !quality) return;
    const key = peerKey(peer, peerId);
    this.closePublishedPeers((existing) => existing === key, false);
    const queue = new TaskQueue();
    queue.run(async () => {
      const [iceServers, budget] = await Promise.all([this.iceServers(), this.mediaBudget()]);
      let publisher: PublisherPeer | null = null;
      const link = this.options.createLink(iceServers, {
        onCandidate: (candidate) => {
          this.options.signaling.signal({ peerId, peer, candidate });
        },
        onStateChange: (state) => {
          const current = publisher;
          if (!current || this.#published.get(key)?.peer !== current) return;
          if (state === 'connected') this.#health.up(key);
          else if (state === 'disconnected' || state === 'failed') this.#health.down(key);
          queue.run(() => current.handleState(state));
        },
        onTrack: () => undefined, // sendonly: nothing comes back
      });
      publisher = new PublisherPeer({
        link,
        tracks,
        caps: senderCapsOf(budget, quality, source, layer),
        send: (body) => {
          this.options.signaling.signal({ peerId, peer, ...body });
        },
        onGone: () => {
          if (this.#published.get(key)?.peer !== publisher) return;
          this.#published.delete(key);
          this.forgetLink(key);
        },
        requestRestart: () => {
          const current = publisher;
          if (current) queue.run(() => current.restartIce());
        },
      });
      this.#published.set(key, { source, peerId, subscriber: peer, peer: publisher, queue });
      await publisher.start();
      const mute = this.#muted.get(source);
      if (mute) this.options.signaling.signal({ peerId, peer, mute });
    });
  }

  /**
   * Closes the matching peers; with `notify`, tells each subscriber (`media:unwatch`, relayed to
   * it as `media:peer-closed`) so it asks again instead of waiting for ICE to time out.
   */
  private closePublishedPeers(
    matches: (key: string, published: PublishedPeer) => boolean,
    notify: boolean,
  ): void {
    const { signaling } = this.options;
    for (const [key, published] of this.#published) {
      if (!matches(key, published)) continue;
      published.peer.close();
      this.#published.delete(key);
      this.forgetLink(key);
      if (notify && signaling.isConnected) {
        signaling.unwatch({ peerId: published.peerId, peer: published.subscriber });
      }
    }
  }

  private *watchedLinks(): Iterable<WatchedLink> {
    for (const [key, { peer }] of this.#published) yield [key, () => peer.getStats()];
    for (const subscription of this.#subscriptions) {
      yield [subscription, () => subscription.getStats()];
    }
  }

  private forgetLink(key: unknown): void {
    this.#health.remove(key);
    this.#stalls.forget(key);
  }

  private async mediaBudget(): Promise<MediaBudget> {
    return (await this.options.mediaBudget?.()) ?? DEFAULT_MEDIA_BUDGET;
  }

  private async iceServers(): Promise<RTCIceServer[]> {
    return (await this.options.iceServers?.()) ?? [];
  }
}

function peerKey(peer: string, peerId: string): string {
  return `${peer}/${peerId}`;
}

/** A subscriber's peer id (the server's schema: [A-Za-z0-9_-]{1,64}). */
export function randomPeerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `p${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
