import type { RtcSignal } from '../../shared/events.js';
import type { IceCandidate, PeerLink, SessionDescription } from './p2p-link.js';
import type { SenderCaps } from './sender-caps.js';

/** A signal without its addressing (the peer adds peerId and the other socket). */
export type SignalBody = Pick<RtcSignal, 'description' | 'candidate'>;

/**
 * Applies remote ICE candidates only after the remote description (addIceCandidate throws
 * before it); the ones that arrive early wait here.
 */
export class CandidateBuffer {
  #pending: IceCandidate[] = [];

  constructor(private readonly link: () => PeerLink | null) {}

  async add(candidate: IceCandidate): Promise<void> {
    const link = this.link();
    if (link?.hasRemoteDescription) await link.addCandidate(candidate);
    else this.#pending.push(candidate);
  }

  /** Call right after a remote description was applied. */
  async flush(): Promise<void> {
    const link = this.link();
    if (!link) return;
    const pending = this.#pending;
    this.#pending = [];
    for (const candidate of pending) await link.addCandidate(candidate);
  }
}

/**
 * How long a publisher peer may stay `disconnected` before it restarts ICE itself: a brief
 * glitch heals on its own, a changed network (Wi-Fi to 4G) does not. Well below the
 * subscriber's RESTART_WAIT_MS, so the restart offer arrives before the subscriber gives up.
 */
export const DISCONNECTED_RESTART_MS = 2_000;

interface PublisherPeerOptions {
  link: PeerLink;
  tracks: readonly MediaStreamTrack[];
  /** The caps of this viewer's layer (the call's full picture, or a silent watcher's small one). */
  caps: SenderCaps;
  send: (body: SignalBody) => void;
  /** The peer gave up (ICE failed again after a restart); the transport forgets it. */
  onGone: () => void;
  /** Runs `restartIce()` in the peer's task queue (called from a timer). */
  requestRestart: () => void;
}

/**
 * The publishing side of one peer connection: offers its track (sendonly), applies the answer,
 * trickles ICE, and restarts ICE when the connection breaks: on `failed`, after
 * DISCONNECTED_RESTART_MS of `disconnected`, and when the page's network comes back. A failure
 * after a restart that never connected gives the peer up (the subscriber asks anew).
 */
export class PublisherPeer {
  readonly #buffer: CandidateBuffer;
  /** An ICE restart was sent and the link has not been `connected` since. */
  #hasRestartedSinceConnected = false;
  #isAwaitingAnswer = false;
  #isRestartPending = false;
  #disconnectedTimer: ReturnType<typeof setTimeout> | null = null;
  #isClosed = false;

  constructor(private readonly options: PublisherPeerOptions) {
    this.#buffer = new CandidateBuffer(() => (this.#isClosed ? null : options.link));
    options.link.addSendOnlyTracks(options.tracks, options.caps);
  }

  get isClosed(): boolean {
    return this.#isClosed;
  }

  async start(): Promise<void> {
    await this.sendOffer(false);
  }

  async handleSignal(signal: SignalBody): Promise<void> {
    if (this.#isClosed) return;
    if (signal.description?.type === 'answer') {
      await this.options.link.acceptAnswer(signal.description);
      this.#isAwaitingAnswer = false;
      await this.#buffer.flush();
      // A restart asked for while the previous offer was out goes now.
      if (this.#isRestartPending) await this.restartIce();
    }
    if (signal.candidate) await this.#buffer.add(signal.candidate);
  }

  /** Reacts to the peer connection's state (see the class comment). */
  async handleState(state: RTCPeerConnectionState): Promise<void> {
    if (this.#isClosed) return;
    if (state !== 'disconnected') this.clearDisconnectedTimer();
    switch (state) {
      case 'connected':
        this.#hasRestartedSinceConnected = false;
        return;
      case 'disconnected':
        this.#disconnectedTimer ??= setTimeout(() => {
          this.#disconnectedTimer = null;
          this.options.requestRestart();
        }, DISCONNECTED_RESTART_MS);
        return;
      case 'failed':
        if (this.#hasRestartedSinceConnected) {
          this.close();
          this.options.onGone();
          return;
        }
        await this.restartIce();
        return;
      case 'new':
      case 'connecting':
      case 'closed':
        return;
    }
  }

  /** Sends an ICE-restart offer now, or right after the answer to the offer still out. */
  async restartIce(): Promise<void> {
    if (this.#isClosed) return;
    if (this.#isAwaitingAnswer) {
      this.#isRestartPending = true;
      return;
    }
    this.#isRestartPending = false;
    this.#hasRestartedSinceConnected = true;
    await this.sendOffer(true);
  }

  /** The connection's statistics (null once closed). */
  async getStats(): Promise<RTCStatsReport | null> {
    return this.#isClosed ? null : this.options.link.getStats();
  }

  /** Sends another device's track on this connection: no renegotiation for the same kind. */
  async replaceTrack(track: MediaStreamTrack): Promise<void> {
    if (!this.#isClosed) await this.options.link.replaceTrack(track);
  }

  close(): void {
    if (this.#isClosed) return;
    this.#isClosed = true;
    this.clearDisconnectedTimer();
    this.options.link.close();
  }

  private clearDisconnectedTimer(): void {
    if (this.#disconnectedTimer !== null) clearTimeout(this.#disconnectedTimer);
    this.#disconnectedTimer = null;
  }

  private async sendOffer(iceRestart: boolean): Promise<void> {
    this.#isAwaitingAnswer = true;
    const offer = await this.options.link.createOffer({ iceRestart });
    if (!this.#isClosed) this.options.send({ description: offer });
  }
}

/**
 * The receiving side of one peer connection: answers the publisher's offers (the first and any
 * ICE-restart offer), trickles ICE. Created before the offer arrives, so early candidates wait.
 */
export class SubscriberPeer {
  readonly #buffer: CandidateBuffer;
  #link: PeerLink | null = null;
  #isClosed = false;
  /** The publisher's socket, learned from its first signal. */
  publisher: string | null = null;

  constructor(
    readonly peerId: string,
    private readonly createLink: () => Promise<PeerLink>,
    private readonly send: (publisher: string, body: SignalBody) => void,
  ) {
    this.#buffer = new CandidateBuffer(() => this.#link);
  }

  get isClosed(): boolean {
    return this.#isClosed;
  }

  /** Whether a signal from `peer` belongs here (the first one fixes the publisher). */
  accepts(peer: string): boolean {
    return !this.#isClosed && (this.publisher === null || this.publisher === peer);
  }

  async handleSignal(peer: string, signal: SignalBody): Promise<void> {
    if (!this.accepts(peer)) return;
    this.publisher = peer;
    if (signal.description?.type === 'offer') await this.answer(peer, signal.description);
    if (signal.candidate) await this.#buffer.add(signal.candidate);
  }

  /** The receiving connection's statistics; null before its link exists or once closed. */
  async getStats(): Promise<RTCStatsReport | null> {
    return this.#link ? this.#link.getStats() : null;
  }

  close(): void {
    if (this.#isClosed) return;
    this.#isClosed = true;
    this.#link?.close();
    this.#link = null;
  }

  // A call, not a property read: the state may change across an await.
  private hasClosed(): boolean {
    return this.#isClosed;
  }

  private async answer(peer: string, offer: SessionDescription): Promise<void> {
    const link = this.#link ?? (await this.createLink());
    // close() may have run while the link was being made.
    if (this.hasClosed()) {
      link.close();
      return;
    }
    this.#link = link;
    const answer = await link.answerOffer(offer);
    if (this.hasClosed()) return;
    this.send(peer, { description: answer });
    await this.#buffer.flush();
  }
}
