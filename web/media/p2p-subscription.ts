import type { VideoLayer } from '../../shared/api/media.js';
import { sameStream, type MediaStreamRef, type RtcSignal } from '../../shared/events.js';
import type { SubscribeTarget, SubscriptionListener } from './media-session.js';
import type { ConnectionState } from './media-session-state.js';
import type { PeerLink, PeerLinkEvents } from './p2p-link.js';
import { SubscriberPeer } from './p2p-peers.js';
import type { MediaSignaling } from './p2p-signaling.js';

/** After `media:watch` is accepted, how long to wait for the connection before asking again. */
export const OFFER_WAIT_MS = 10_000;
/** After ICE failed or disconnected, how long the publisher's ICE restart may take. */
export const RESTART_WAIT_MS = 8_000;
/** Watches in a row without a connection before the subscription gives up (failed). */
export const MAX_WATCH_ATTEMPTS = 10;
/** Refusals that asking again cannot fix. */
const FINAL_REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'VALIDATION_FAILED', 'NOT_FOUND']);

/** Wait before the n-th retry: 1 s, 2 s, 4 s, then 5 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), 5000);
}

export interface P2PSubscriptionOptions {
  target: SubscribeTarget;
  /** The picture this viewer needs: `full` in a call, `low` when watching silently. */
  layer: VideoLayer;
  listener: SubscriptionListener;
  signaling: MediaSignaling;
  createLink: (events: PeerLinkEvents) => Promise<PeerLink>;
  newPeerId: () => string;
  onClosed: () => void;
}

/**
 * One subscription over P2P: watches the publisher, answers its offers through a SubscriberPeer,
 * and asks again (a new peer id) when the peer closes, ICE cannot recover, or the socket
 * reconnects; after MAX_WATCH_ATTEMPTS failures in a row it reports `failed`.
 */
export class P2PSubscription {
  #state: ConnectionState = 'new';
  #code: string | null = null;
  #peer: SubscriberPeer | null = null;
  #queue: Promise<void> = Promise.resolve();
  #tracks: MediaStreamTrack[] = [];
  #attempts = 0;
  #hasConnected = false;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: P2PSubscriptionOptions) {}

  get state(): ConnectionState {
    return this.#state;
  }

  /** The current peer id (null between attempts); for tests and diagnostics. */
  get peerId(): string | null {
    return this.#peer?.peerId ?? null;
  }

  start(): void {
    void this.watch();
  }

  /** The current peer connection's statistics; null between attempts. */
  getStats(): Promise<RTCStatsReport | null> {
    return this.#peer?.getStats() ?? Promise.resolve(null);
  }

  /** True when the signal belongs to this subscription (and was queued for its peer). */
  handleSignal(signal: RtcSignal): boolean {
    const peer = this.#peer;
    if (!peer || signal.peerId !== peer.peerId || !peer.accepts(signal.peer)) return false;
    const { mute } = signal;
    this.enqueue(async () => {
      await peer.handleSignal(signal.peer, signal);
      if (mute && this.#peer === peer) this.options.listener.onRemoteMute(mute);
    });
    return true;
  }

  handlePeerClosed(peerId: string): void {
    if (this.#peer?.peerId === peerId) this.retryLater('MEDIA_UNAVAILABLE', false);
  }

  handleSignalingLost(): void {
    if (this.isFinished()) return;
    this.clearTimer();
    this.dropPeer(false);
    this.setState(this.#hasConnected ? 'reconnecting' : 'connecting');
  }

  /**
   * The server says the target now has a publisher: a subscription waiting to ask again (nobody
   * published) asks now, one that gave up for that reason starts over.
   */
  handleAvailable(stream: MediaStreamRef): void {
    if (!sameStream(stream, this.options.target) || this.#state === 'closed') return;
    const isWaitingToRetry = this.#peer === null && this.#timer !== null;
    const gaveUpUnpublished = this.#state === 'failed' && this.#code === 'MEDIA_UNAVAILABLE';
    if (!isWaitingToRetry && !gaveUpUnpublished) return;
    // failed → connecting is the one way back the state table allows.
    if (gaveUpUnpublished) this.setState('connecting', this.#code);
    this.#attempts = 0;
    void this.watch();
  }

  handleSignalingConnected(): void {
    if (this.isFinished() || this.#peer) return;
    this.#attempts = 0;
    void this.watch();
  }

  close(): void {
    if (this.#state === 'closed') return;
    this.clearTimer();
    this.dropPeer(true);
    this.setState('closed');
    this.options.onClosed();
  }

  private async watch(): Promise<void> {
    this.clearTimer();
    this.dropPeer(true);
    // Asking again keeps the last reason until an answer changes it (no flicker in the UI).
    this.setState(this.#hasConnected ? 'reconnecting' : 'connecting', this.#code);
    const { signaling, target } = this.options;
    if (!signaling.isConnected) return; // handleSignalingConnected asks once the socket is up
    const peer = this.createPeer();
    this.#peer = peer;
    this.armTimer(OFFER_WAIT_MS);
    const ack = await signaling.watch({
      ...target,
      peerId: peer.peerId,
      layer: this.options.layer,
    });
    if (this.#peer !== peer || ack.ok) return;
    this.retryLater(ack.code, FINAL_REFUSALS.has(ack.code));
  }

  private createPeer(): SubscriberPeer {
    const peer: SubscriberPeer = new SubscriberPeer(
      this.options.newPeerId(),
      () =>
        this.options.createLink({
          onCandidate: (candidate) => {
            if (this.#peer === peer && peer.publisher) {
              this.options.signaling.signal({
                peerId: peer.peerId,
                peer: peer.publisher,
                candidate,
              });
            }
          },
          onStateChange: (state) => {
            if (this.#peer === peer) this.handleLinkState(state);
          },
          onTrack: (track, stream) => {
            if (this.#peer !== peer) return;
            this.#tracks.push(track);
            this.options.listener.onTrack(track, stream);
          },
        }),
      (publisher, body) => {
        if (this.#peer === peer) {
          this.options.signaling.signal({ peerId: peer.peerId, peer: publisher, ...body });
        }
      },
    );
    return peer;
  }

  private handleLinkState(state: RTCPeerConnectionState): void {
    switch (state) {
      case 'connected':
        this.clearTimer();
        this.#attempts = 0;
        this.#hasConnected = true;
        this.setState('connected');
        return;
      case 'disconnected':
      case 'failed':
        // The publisher restarts ICE once on failure; give it RESTART_WAIT_MS, then ask anew.
        this.setState('reconnecting');
        this.armTimer(RESTART_WAIT_MS);
        return;
      case 'new':
      case 'connecting':
      case 'closed':
        return;
    }
  }

  private retryLater(code: string, isFinal: boolean): void {
    if (this.isFinished()) return;
    this.clearTimer();
    this.dropPeer(true);
    this.#attempts += 1;
    if (isFinal || this.#attempts >= MAX_WATCH_ATTEMPTS) {
      this.setState('failed', code);
      return;
    }
    // Still trying: say why the last try failed (MEDIA_UNAVAILABLE: nobody publishes yet).
    this.setState(this.#hasConnected ? 'reconnecting' : 'connecting', code);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.watch();
    }, retryDelayMs(this.#attempts));
  }

  private armTimer(ms: number): void {
    this.clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.retryLater('MEDIA_UNAVAILABLE', false);
    }, ms);
  }

  private clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Closes the current peer; tells the publisher when the socket still works. */
  private dropPeer(notify: boolean): void {
    const peer = this.#peer;
    if (!peer) return;
    this.#peer = null;
    if (notify && peer.publisher && this.options.signaling.isConnected) {
      this.options.signaling.unwatch({ peerId: peer.peerId, peer: peer.publisher });
    }
    peer.close();
    const ended = this.#tracks;
    this.#tracks = [];
    for (const track of ended) this.options.listener.onTrackEnded(track);
  }

  private enqueue(task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      console.warn('media: a signaling step failed', error);
    });
  }

  private isFinished(): boolean {
    return this.#state === 'closed' || this.#state === 'failed';
  }

  /** Reports a new state, or a new reason in the same state (asked again, refused again). */
  private setState(state: ConnectionState, code: string | null = null): void {
    if (this.#state === 'closed' || (this.#state === state && this.#code === code)) return;
    this.#state = state;
    this.#code = code;
    this.options.listener.onStateChange(state, code);
  }
}
