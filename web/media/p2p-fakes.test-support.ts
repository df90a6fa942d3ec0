import type {
  Ack,
  MediaPublish,
  MediaStreamRef,
  RtcSignal,
  WatchMedia,
} from '../../shared/events.js';
import type { IceCandidate, PeerLink, PeerLinkEvents, SessionDescription } from './p2p-link.js';
import type { MediaSignaling, MediaSignalingHandlers } from './p2p-signaling.js';
import type { SenderCaps } from './sender-caps.js';

/**
 * An in-memory stand-in for the Socket.IO server's media relay (server/realtime): routes
 * watches to the registered publisher, relays signals with `peer` rewritten to the sender,
 * and turns an unwatch into `media:peer-closed` on the other side. Delivery is asynchronous.
 */
export class FakeRelay {
  readonly sockets = new Map<string, FakeSignaling>();
  readonly publishers = new Map<string, string>();
  readonly log: string[] = [];

  connect(id: string): FakeSignaling {
    const socket = new FakeSignaling(this, id);
    this.sockets.set(id, socket);
    return socket;
  }

  /** The key of `publishers`: `registrationId/source`, or `sessionId/staff/staffId`. */
  static keyOf(stream: MediaStreamRef | WatchMedia): string {
    return stream.source === 'staff'
      ? `${stream.sessionId}/staff/${stream.staffId}`
      : `${stream.registrationId}/${stream.source}`;
  }

  registerPublisher(stream: MediaStreamRef, socketId: string): void {
    this.publishers.set(FakeRelay.keyOf(stream), socketId);
  }

  /** The server's `media:available` to every connected socket. */
  announceAvailable(stream: MediaStreamRef): void {
    for (const socket of this.sockets.values()) {
      this.deliver(socket.id, (handlers) => {
        handlers.onAvailable(stream);
      });
    }
  }

  deliver(to: string, deliver: (handlers: MediaSignalingHandlers) => void): void {
    queueMicrotask(() => {
      const target = this.sockets.get(to);
      if (target?.handlers && target.isConnected) deliver(target.handlers);
    });
  }
}

export class FakeSignaling implements MediaSignaling {
  handlers: MediaSignalingHandlers | null = null;
  isConnected = true;
  readonly watches: WatchMedia[] = [];
  /** Set to refuse the next watches with this code. */
  refuseWith: string | null = null;

  constructor(
    private readonly relay: FakeRelay,
    readonly id: string,
  ) {}

  connect(): void {
    this.isConnected = true;
    this.handlers?.onConnected();
  }

  disconnect(): void {
    this.isConnected = false;
    this.handlers?.onDisconnected();
  }

  watch(request: WatchMedia): Promise<Ack> {
    this.watches.push(request);
    if (this.refuseWith) return Promise.resolve({ ok: false, code: this.refuseWith });
    const publisher = this.relay.publishers.get(FakeRelay.keyOf(request));
    if (!publisher) return Promise.resolve({ ok: false, code: 'MEDIA_UNAVAILABLE' });
    this.relay.deliver(publisher, (handlers) => {
      handlers.onWatchRequested({
        peerId: request.peerId,
        peer: this.id,
        source: request.source,
        layer: request.layer ?? 'full',
      });
    });
    return Promise.resolve({ ok: true });
  }

  /** An examiner's publication is theirs: the fake names the staff member after the socket. */
  private streamOf(publication: MediaPublish): MediaStreamRef {
    return publication.source === 'staff'
      ? { sessionId: publication.sessionId, staffId: this.id, source: 'staff' }
      : publication;
  }

  announce(publication: MediaPublish): Promise<Ack> {
    this.relay.registerPublisher(this.streamOf(publication), this.id);
    return Promise.resolve({ ok: true });
  }

  withdraw(publication: MediaPublish): void {
    this.relay.publishers.delete(FakeRelay.keyOf(this.streamOf(publication)));
  }

  unwatch(peer: { peerId: string; peer: string }): void {
    this.relay.log.push(`${this.id} unwatch ${peer.peerId}`);
    this.relay.deliver(peer.peer, (handlers) => {
      handlers.onPeerClosed({ peerId: peer.peerId, peer: this.id });
    });
  }

  signal(signal: RtcSignal): void {
    const kind = signal.description?.type ?? (signal.candidate ? 'candidate' : 'empty');
    this.relay.log.push(`${this.id}->${signal.peer} ${kind}`);
    this.relay.deliver(signal.peer, (handlers) => {
      handlers.onSignal({ ...signal, peer: this.id });
    });
  }

  listen(handlers: MediaSignalingHandlers): () => void {
    this.handlers = handlers;
    return () => {
      this.handlers = null;
    };
  }
}

/** A PeerLink that records what the P2P logic did with it; the test drives its state. */
export class FakeLink implements PeerLink {
  static created: FakeLink[] = [];
  hasRemoteDescription = false;
  readonly sentTracks: MediaStreamTrack[] = [];
  /** The caps the publisher gave the senders (null on a subscriber's link). */
  caps: SenderCaps | null = null;
  readonly replacedTracks: MediaStreamTrack[] = [];
  readonly offers: SessionDescription[] = [];
  readonly remoteDescriptions: SessionDescription[] = [];
  readonly candidates: IceCandidate[] = [];
  isClosed = false;

  constructor(readonly events: PeerLinkEvents) {
    FakeLink.created.push(this);
  }

  addSendOnlyTracks(tracks: readonly MediaStreamTrack[], caps: SenderCaps): void {
    this.sentTracks.push(...tracks);
    this.caps = caps;
  }

  /** Swaps the sent track of the same kind in place (no new offer), as RTCRtpSender does. */
  replaceTrack(track: MediaStreamTrack): Promise<void> {
    const index = this.sentTracks.findIndex((sent) => sent.kind === track.kind);
    if (index >= 0) this.sentTracks.splice(index, 1, track);
    this.replacedTracks.push(track);
    return Promise.resolve();
  }

  createOffer({ iceRestart }: { iceRestart: boolean }): Promise<SessionDescription> {
    const offer: SessionDescription = {
      type: 'offer',
      sdp: `offer-${this.offers.length + 1}${iceRestart ? '-restart' : ''}`,
    };
    this.offers.push(offer);
    this.events.onCandidate(candidate(`local-${this.offers.length}`));
    return Promise.resolve(offer);
  }

  answerOffer(offer: SessionDescription): Promise<SessionDescription> {
    this.remoteDescriptions.push(offer);
    this.hasRemoteDescription = true;
    return Promise.resolve({ type: 'answer', sdp: `answer-to-${offer.sdp}` });
  }

  acceptAnswer(answer: SessionDescription): Promise<void> {
    this.remoteDescriptions.push(answer);
    this.hasRemoteDescription = true;
    return Promise.resolve();
  }

  addCandidate(added: IceCandidate): Promise<void> {
    if (!this.hasRemoteDescription) throw new Error('candidate before remote description');
    this.candidates.push(added);
    return Promise.resolve();
  }

  /** What getStats answers: the test sets the reports (an RTCStatsReport is a Map). */
  stats: Record<string, unknown>[] = [];

  getStats(): Promise<RTCStatsReport> {
    const report = new Map(this.stats.map((stat) => [String(stat.id), stat]));
    return Promise.resolve(report as unknown as RTCStatsReport);
  }

  close(): void {
    this.isClosed = true;
  }
}

export function candidate(name: string): IceCandidate {
  return { candidate: `candidate:${name}`, sdpMid: '0', sdpMLineIndex: 0 };
}

/** A stand-in for a MediaStreamTrack (Node has none): only what the media code reads or sets. */
export function fakeTrack(id: string, kind: 'video' | 'audio' = 'video'): MediaStreamTrack {
  return { id, kind, enabled: true } as unknown as MediaStreamTrack;
}

/** A hand-fired network change (the window's `online` event in a browser). */
export class FakeNetwork {
  readonly #listeners = new Set<() => void>();

  readonly changes = (onChange: () => void): (() => void) => {
    this.#listeners.add(onChange);
    return () => this.#listeners.delete(onChange);
  };

  get listenerCount(): number {
    return this.#listeners.size;
  }

  comeBackOnline(): void {
    for (const listener of this.#listeners) listener();
  }
}
