import type { MediaQuality, VideoLayer } from '../../shared/api/media.js';
import type { MediaPublish, MediaSource, MediaStreamRef, RemoteMute } from '../../shared/events.js';
import type { MediaLinkState } from './link-health.js';
import type { ConnectionState } from './media-session-state.js';

// What a transport (peer-to-peer today, an SFU later) offers MediaSession (media-session.ts).

/** Whose stream to receive: a registration's camera, phone or screen, or an examiner's camera. */
export type SubscribeTarget = MediaStreamRef;

/**
 * What a page publishes as: the paired phone's camera (known to the server by its pairing), a
 * candidate PC's camera or screen for a registration, or an examiner's camera in a session.
 */
export type PublishAs = { source: 'phone' } | MediaPublish;

/** A published track's kind: mute the microphone and the camera separately. */
export type TrackKind = 'audio' | 'video';

/** What a transport reports about one subscription. */
export interface SubscriptionListener {
  onStateChange: (state: ConnectionState, code: string | null) => void;
  onTrack: (track: MediaStreamTrack, stream: MediaStream) => void;
  onTrackEnded: (track: MediaStreamTrack) => void;
  /** The publisher muted or unmuted its microphone or camera. */
  onRemoteMute: (mute: RemoteMute) => void;
}

export interface TransportListener {
  onStateChange: (state: ConnectionState) => void;
  /** Whether the page's media connections get through (see MediaLinkState). */
  onLinkStateChange?: (state: MediaLinkState) => void;
}

export interface TransportSubscription {
  /** The receiving connection's statistics; null while there is none. */
  getStats(): Promise<RTCStatsReport | null>;
  close(): void;
}

/**
 * How media moves (docs/design.md "Media"): peer-to-peer over our socket today, an SFU (Janus) later.
 * Pages only see MediaSession, so a new transport changes no page.
 */
export interface MediaTransport {
  /** Starts the signaling connection; the transport reports its state through `onStateChange`. */
  start(listener: TransportListener): void;
  /**
   * Offers local tracks (one stream: a camera and its microphone) to subscribers under
   * `as.source` at `quality` (the media budget's caps), replacing earlier ones; the transport
   * announces `as` to the server.
   */
  publish(as: PublishAs, tracks: readonly MediaStreamTrack[], quality: MediaQuality): void;
  unpublish(source: MediaSource): void;
  /** Tells every subscriber of `source` (and each new one) what is muted. */
  setMuted(source: MediaSource, mute: RemoteMute): void;
  /** Sends `track` instead of the published one of `source`, to every subscriber, at once. */
  replaceTrack(source: MediaSource, track: MediaStreamTrack): void;
  /** The network changed: re-establish every published connection (an ICE restart). */
  restartIce(): void;
  /** Receives `target` in `layer`: `full` for a call, `low` for a silent watcher. */
  subscribe(
    target: SubscribeTarget,
    listener: SubscriptionListener,
    layer: VideoLayer,
  ): TransportSubscription;
  close(): void;
}
