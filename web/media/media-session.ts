import type { MediaQuality, VideoLayer } from '../../shared/api/media.js';
import type { MediaSource, RemoteMute } from '../../shared/events.js';
import type { MediaLinkState } from './link-health.js';
import { summarizeStats, type LinkStatsSample } from './link-quality.js';
import { TypedEmitter } from './media-session-emitter.js';
import { ConnectionStateMachine, type ConnectionState } from './media-session-state.js';
import type {
  MediaTransport,
  PublishAs,
  SubscribeTarget,
  SubscriptionListener,
  TrackKind,
  TransportSubscription,
} from './media-transport.js';

export type { ConnectionState } from './media-session-state.js';
export type { MediaLinkState } from './link-health.js';
export type { MediaSource } from '../../shared/events.js';

export type {
  MediaTransport,
  PublishAs,
  SubscribeTarget,
  SubscriptionListener,
  TrackKind,
  TransportListener,
  TransportSubscription,
} from './media-transport.js';

/** Events of the session as a whole. */
export interface MediaSessionEvents {
  /** The session's connection (its signaling) changed state. */
  stateChanged: (state: ConnectionState) => void;
  /** The page's media connections all broke, or one is up again (see MediaLinkState). */
  linkStateChanged: (state: MediaLinkState) => void;
  /** A remote track arrived on one of the subscriptions. */
  trackAdded: (subscription: RemoteSubscription, track: MediaStreamTrack) => void;
  /** A remote track ended (its peer went away). */
  trackRemoved: (subscription: RemoteSubscription, track: MediaStreamTrack) => void;
  /** A published kind was muted or unmuted (on this page; subscribers get black/silence). */
  localMuteChanged: (publication: LocalPublication, kind: TrackKind, isMuted: boolean) => void;
  /** Something local changed: a publication came or went, a kind was muted or unmuted. */
  publicationsChanged: () => void;
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
  /** The publisher muted or unmuted its microphone or camera. */
  remoteMuteChanged: (mute: RemoteMute) => void;
  [event: string]: (...args: never[]) => void;
}

const NOTHING_MUTED: RemoteMute = { audio: false, video: false };

/** One remote stream being received; read `stream` and listen for changes. */
export class RemoteSubscription extends TypedEmitter<RemoteSubscriptionEvents> {
  #stream: MediaStream | null = null;
  #reason: string | null = null;
  #remoteMute: RemoteMute = NOTHING_MUTED;
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

  /** What the publisher has muted (as it last said; nothing until it says). */
  get remoteMute(): RemoteMute {
    return this.#remoteMute;
  }

  /**
   * What the connection has received so far, for the link quality (web/media/link-quality.ts);
   * null while there is no connection (between attempts, or closed).
   */
  async readStats(now: () => number = () => performance.now()): Promise<LinkStatsSample | null> {
    const report = await this.#transportSubscription?.getStats();
    if (!report || this.state === 'closed') return null;
    return summarizeStats(report.values() as Iterable<Readonly<Record<string, unknown>>>, now());
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
      onRemoteMute: (mute) => {
        if (this.state === 'closed') return;
        this.#remoteMute = mute;
        this.emit('remoteMuteChanged', mute);
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
 * Published local tracks (a camera and its microphone, or a screen). `mute()` keeps the
 * connection and sends black frames or silence (track.enabled), so unmuting is instant;
 * `unpublish()` stops offering them (the tracks are not stopped: the page owns its devices).
 */
export interface LocalPublication {
  readonly source: MediaSource;
  /** The tracks being sent; `MediaSession.switchDevice` changes one of them. */
  readonly tracks: readonly MediaStreamTrack[];
  /** Whether `kind` is muted (a kind not published counts as muted). */
  isMuted(kind: TrackKind): boolean;
  /** Mutes one kind, or every track when no kind is given. */
  mute(kind?: TrackKind): void;
  unmute(kind?: TrackKind): void;
  unpublish(): void;
}

/** Subscribes to "the network may have changed" (the window's `online` event in a browser). */
export type NetworkChangeSource = (onChange: () => void) => () => void;

export interface MediaSessionOptions {
  /** When it fires, published connections restart ICE instead of waiting for ICE to fail. */
  networkChanges?: NetworkChangeSource;
}

/**
 * The media session of a page (docs/design.md "Media"): publish local tracks, subscribe to remote
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
  #linkState: MediaLinkState = 'idle';

  constructor(
    private readonly transport: MediaTransport,
    private readonly options: MediaSessionOptions = {},
  ) {
    super();
  }

  get state(): ConnectionState {
    return this.#machine.state;
  }

  /** Whether the page's media connections get through (see MediaLinkState). */
  get linkState(): MediaLinkState {
    return this.#linkState;
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
      onLinkStateChange: (state) => {
        if (this.state === 'closed' || state === this.#linkState) return;
        this.#linkState = state;
        this.emit('linkStateChanged', state);
      },
    });
  }

  /**
   * Publishes `tracks` (e.g. `stream.getTracks()`) as `as` (see PublishAs), at proctoring
   * quality unless the exam asks for `interview` (exam rule `mediaQuality`).
   */
  publish(
    tracks: MediaStreamTrack | readonly MediaStreamTrack[],
    as: PublishAs,
    quality: MediaQuality = 'proctoring',
  ): LocalPublication {
    this.assertOpen();
    const { source } = as;
    let current: MediaStreamTrack[] = 'kind' in tracks ? [tracks] : [...tracks];
    const muted = new Set<TrackKind>(
      current.filter((track) => !track.enabled).map((track) => kindOf(track)),
    );
    const muteState = () => ({ audio: muted.has('audio'), video: muted.has('video') });
    const setMuted = (kinds: readonly TrackKind[], isMuted: boolean) => {
      if (this.#publications.get(source) !== publication) return;
      const changed = kinds.filter((kind) => muted.has(kind) !== isMuted);
      for (const kind of changed) {
        if (isMuted) muted.add(kind);
        else muted.delete(kind);
        for (const track of current) if (kindOf(track) === kind) track.enabled = !isMuted;
        this.emit('localMuteChanged', publication, kind, isMuted);
        this.emit('publicationsChanged');
      }
      if (changed.length > 0) this.transport.setMuted(source, muteState());
    };
    const publishedKinds = () => [...new Set(current.map((track) => kindOf(track)))];
    const replace = (next: MediaStreamTrack) => {
      current = current.map((track) => (track.kind === next.kind ? next : track));
      next.enabled = !muted.has(kindOf(next));
    };
    const publication: LocalPublication = {
      source,
      get tracks() {
        return current;
      },
      isMuted: (kind) => muted.has(kind) || !current.some((track) => kindOf(track) === kind),
      mute: (kind) => {
        setMuted(kind ? [kind] : publishedKinds(), true);
      },
      unmute: (kind) => {
        setMuted(kind ? [kind] : publishedKinds(), false);
      },
      unpublish: () => {
        if (this.#publications.get(source) !== publication) return;
        this.#publications.delete(source);
        this.transport.unpublish(source);
        this.emit('publicationsChanged');
      },
    };
    this.#publications.set(source, publication);
    this.#replacers.set(source, replace);
    this.transport.publish(as, current, quality);
    if (muted.size > 0) this.transport.setMuted(source, muteState());
    this.connect();
    this.emit('publicationsChanged');
    return publication;
  }

  /** The publication of `source`, if any. */
  publication(source: MediaSource): LocalPublication | null {
    return this.#publications.get(source) ?? null;
  }

  /**
   * Another device for a published source (the candidate picks another camera or microphone):
   * every subscriber gets `track` in place of the published one of its kind, on its existing
   * connection, no renegotiation; a muted kind stays muted. Returns the previous track, which
   * the caller stops.
   */
  switchDevice(source: MediaSource, track: MediaStreamTrack): MediaStreamTrack {
    this.assertOpen();
    const publication = this.#publications.get(source);
    const replace = this.#replacers.get(source);
    if (!publication || !replace) throw new Error(`Nothing is published as ${source}`);
    const previous = publication.tracks.find((existing) => existing.kind === track.kind);
    if (!previous) throw new Error(`No ${track.kind} track is published as ${source}`);
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

  /**
   * Receives `target`: the full picture for someone in a call with its publisher, a small one
   * (`low`) for staff watching silently, so every extra watcher costs the publisher little.
   */
  subscribe(target: SubscribeTarget, layer: VideoLayer = 'full'): RemoteSubscription {
    this.assertOpen();
    this.connect();
    const subscription = new RemoteSubscription(target);
    this.#subscriptions.add(subscription);
    subscription.attach(
      (listener) => this.transport.subscribe(target, listener, layer),
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

function kindOf(track: MediaStreamTrack): TrackKind {
  return track.kind === 'audio' ? 'audio' : 'video';
}
