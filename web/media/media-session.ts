import type { MediaSource } from '../../shared/events.js';
import { TypedEmitter } from './media-session-emitter.js';
import { ConnectionStateMachine, type ConnectionState } from './media-session-state.js';

export type { ConnectionState } from './media-session-state.js';
export type { MediaSource } from '../../shared/events.js';

/** Whose stream to receive: a registration's camera, phone or screen. */
export interface SubscribeTarget {
  registrationId: string;
  source: MediaSource;
}

/** What a transport reports about one subscription. */
export interface SubscriptionListener {
  onStateChange: (state: ConnectionState, code: string | null) => void;
  onTrack: (track: MediaStreamTrack, stream: MediaStream) => void;
  onTrackEnded: (track: MediaStreamTrack) => void;
}

export interface TransportListener {
  onStateChange: (state: ConnectionState) => void;
}

export interface TransportSubscription {
  close(): void;
}

/**
 * How media moves (DESIGN "Media"): peer-to-peer over our socket today, an SFU (Janus) later.
 * Pages only see MediaSession, so a new transport changes no page.
 */
export interface MediaTransport {
  /** Starts the signaling connection; the transport reports its state through `onStateChange`. */
  start(listener: TransportListener): void;
  /**
   * Offers a local track to subscribers under `source` (replaces an earlier one). A PC's camera
   * or screen names its registration, which the transport announces to the server.
   */
  publish(source: MediaSource, track: MediaStreamTrack, registrationId?: string): void;
  unpublish(source: MediaSource): void;
  /** Sends `track` instead of the published one of `source`, to every subscriber, at once. */
  replaceTrack(source: MediaSource, track: MediaStreamTrack): void;
  /** The network changed: re-establish every published connection (an ICE restart). */
  restartIce(): void;
  subscribe(target: SubscribeTarget, listener: SubscriptionListener): TransportSubscription;
  close(): void;
}

/** Events of the session as a whole. */
export interface MediaSessionEvents {
  /** The session's connection (its signaling) changed state. */
  stateChanged: (state: ConnectionState) => void;
  /** A remote track arrived on one of the subscriptions. */
  trackAdded: (subscription: RemoteSubscription, track: MediaStreamTrack) => void;
  /** A remote track ended (its peer went away). */
  trackRemoved: (subscription: RemoteSubscription, track: MediaStreamTrack) => void;
  /** A published track was muted or unmuted (on this page; subscribers receive black/silence). */
  localMuteChanged: (publication: LocalPublication, isMuted: boolean) => void;
  /** `switchDevice` put another track in place of `previous` (which the caller may stop). */
  localTrackReplaced: (publication: LocalPublication, previous: MediaStreamTrack) => void;
  [event: string]: (...args: never[]) => void;
}

/** Events of one subscription. */
export interface RemoteSubscriptionEvents {
  /** The subscription's own connection changed state; `code` says why it failed or waits. */
  stateChanged: (state: ConnectionState, code: string | null) => void;
  /** The remote stream now has this track; `stream` is the one to show. */
  trackAdded: (track: MediaStreamTrack, stream: MediaStream) => void;
  trackRemoved: (track: MediaStreamTrack) => void;
  [event: string]: (...args: never[]) => void;
}

/** One remote stream being received; read `stream` and listen for changes. */
export class RemoteSubscription extends TypedEmitter<RemoteSubscriptionEvents> {
  #stream: MediaStream | null = null;
  #reason: string | null = null;
  readonly #machine = new ConnectionStateMachine((state) => {
    this.emit('stateChanged', state, this.#reason);
  });
  #transportSubscription: TransportSubscription | null = null;

  constructor(readonly target: SubscribeTarget) {
    super();
  }

  get state(): ConnectionState {
    return this.#machine.state;
  }

  /** The remote MediaStream, null until its first track arrives. */
  get stream(): MediaStream | null {
    return this.#stream;
  }

  /**
   * Why the subscription failed, or why it is still waiting (an error code of shared/errors.ts,
   * e.g. MEDIA_UNAVAILABLE while nobody publishes); null when nothing went wrong.
   */
  get reason(): string | null {
    return this.#reason;
  }

  /** @internal Wires the subscription to its transport (called by MediaSession). */
  attach(
    subscribe: (listener: SubscriptionListener) => TransportSubscription,
    onTrack: (track: MediaStreamTrack, added: boolean) => void,
  ): void {
    this.#transportSubscription = subscribe({
      onStateChange: (state, code) => {
        const codeChanged = code !== this.#reason;
        this.#reason = code;
        // A new reason in the same state (refused again, differently) is news too.
        if (!this.#machine.transition(state) && codeChanged && state === this.state) {
          this.emit('stateChanged', state, code);
        }
      },
      onTrack: (track, stream) => {
        if (this.state === 'closed') return;
        this.#stream = stream;
        this.emit('trackAdded', track, stream);
        onTrack(track, true);
      },
      onTrackEnded: (track) => {
        if (this.state === 'closed') return;
        this.emit('trackRemoved', track);
        onTrack(track, false);
      },
    });
  }

  /** @internal Use MediaSession.unsubscribe. */
  close(): void {
    this.#transportSubscription?.close();
    this.#transportSubscription = null;
    this.#stream = null;
    this.#machine.transition('closed');
    this.removeAllListeners();
  }
}

/**
 * A published local track. `mute()` keeps the connection and sends black frames or silence
 * (track.enabled), so unmuting is instant; `unpublish()` stops offering it (the track itself is
 * not stopped: the page owns its devices).
 */
export interface LocalPublication {
  readonly source: MediaSource;
  /** The track being sent; `MediaSession.switchDevice` changes it. */
  readonly track: MediaStreamTrack;
  readonly isMuted: boolean;
  mute(): void;
  unmute(): void;
  unpublish(): void;
}

/** Subscribes to "the network may have changed" (the window's `online` event in a browser). */
export type NetworkChangeSource = (onChange: () => void) => () => void;

export interface MediaSessionOptions {
  /** When it fires, published connections restart ICE instead of waiting for ICE to fail. */
  networkChanges?: NetworkChangeSource;
}

/**
 * The media session of a page (DESIGN "Media"): publish local tracks, subscribe to remote
 * ones, follow explicit connection states. Transport-agnostic.
 */
export class MediaSession extends TypedEmitter<MediaSessionEvents> {
  readonly #machine = new ConnectionStateMachine((state) => {
    this.emit('stateChanged', state);
  });
  readonly #subscriptions = new Set<RemoteSubscription>();
  readonly #publications = new Map<MediaSource, LocalPublication>();
  readonly #replacers = new Map<MediaSource, (track: MediaStreamTrack) => void>();
  #stopNetworkChanges: (() => void) | null = null;

  constructor(
    private readonly transport: MediaTransport,
    private readonly options: MediaSessionOptions = {},
  ) {
    super();
  }

  get state(): ConnectionState {
    return this.#machine.state;
  }

  /** Connects the signaling; safe to call more than once. */
  connect(): void {
    if (this.state !== 'new') return;
    this.#machine.transition('connecting');
    this.#stopNetworkChanges =
      this.options.networkChanges?.(() => {
        this.restartIce();
      }) ?? null;
    this.transport.start({
      onStateChange: (state) => {
        if (this.state !== 'closed') this.#machine.transition(state);
      },
    });
  }

  /** `registrationId`: required for a PC's `camera` and `screen` (the phone is known by its pairing). */
  publish(track: MediaStreamTrack, source: MediaSource, registrationId?: string): LocalPublication {
    this.assertOpen();
    let current = track;
    let isMuted = !track.enabled;
    const setMuted = (muted: boolean) => {
      if (this.#publications.get(source) !== publication || muted === isMuted) return;
      isMuted = muted;
      current.enabled = !muted;
      this.emit('localMuteChanged', publication, muted);
    };
    const replace = (next: MediaStreamTrack) => {
      current = next;
      next.enabled = !isMuted;
    };
    const publication: LocalPublication = {
      source,
      get track() {
        return current;
      },
      get isMuted() {
        return isMuted;
      },
      mute: () => {
        setMuted(true);
      },
      unmute: () => {
        setMuted(false);
      },
      unpublish: () => {
        if (this.#publications.get(source) !== publication) return;
        this.#publications.delete(source);
        this.transport.unpublish(source);
      },
    };
    this.#publications.set(source, publication);
    this.#replacers.set(source, replace);
    this.transport.publish(source, track, registrationId);
    this.connect();
    return publication;
  }

  /** The publication of `source`, if any. */
  publication(source: MediaSource): LocalPublication | null {
    return this.#publications.get(source) ?? null;
  }

  /**
   * Another device for a published source (the candidate picks another camera): every
   * subscriber gets `track` on its existing connection, no renegotiation; a muted publication
   * stays muted. Returns the previous track, which the caller stops.
   */
  switchDevice(source: MediaSource, track: MediaStreamTrack): MediaStreamTrack {
    this.assertOpen();
    const publication = this.#publications.get(source);
    const replace = this.#replacers.get(source);
    if (!publication || !replace) throw new Error(`Nothing is published as ${source}`);
    const previous = publication.track;
    if (previous === track) return previous;
    replace(track);
    this.transport.replaceTrack(source, track);
    this.emit('localTrackReplaced', publication, previous);
    return previous;
  }

  /** Re-establishes the published connections now (called on a network change). */
  restartIce(): void {
    if (this.state === 'closed' || this.state === 'new') return;
    this.transport.restartIce();
  }

  subscribe(target: SubscribeTarget): RemoteSubscription {
    this.assertOpen();
    this.connect();
    const subscription = new RemoteSubscription(target);
    this.#subscriptions.add(subscription);
    subscription.attach(
      (listener) => this.transport.subscribe(target, listener),
      (track, added) => {
        this.emit(added ? 'trackAdded' : 'trackRemoved', subscription, track);
      },
    );
    return subscription;
  }

  unsubscribe(subscription: RemoteSubscription): void {
    if (!this.#subscriptions.delete(subscription)) return;
    subscription.close();
  }

  /** Ends every subscription and publication and the session itself. */
  close(): void {
    if (this.state === 'closed') return;
    for (const subscription of this.#subscriptions) subscription.close();
    this.#subscriptions.clear();
    this.#publications.clear();
    this.#replacers.clear();
    this.#stopNetworkChanges?.();
    this.#stopNetworkChanges = null;
    this.transport.close();
    this.#machine.transition('closed');
    this.removeAllListeners();
  }

  private assertOpen(): void {
    if (this.state === 'closed') throw new Error('The media session is closed');
  }
}
