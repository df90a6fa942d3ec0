import { act } from '@testing-library/react';
import type { RemoteMute } from '../../shared/events.js';
import {
  MediaSession,
  type MediaTransport,
  type SubscribeTarget,
  type SubscriptionListener,
} from '../media/media-session.js';

// Remote media for call-tile tests in jsdom, which has no WebRTC: a MediaSession over a fake
// transport the test drives (the publisher's answers), and streams whose tracks arrive when the
// test says, firing `addtrack` as a browser's remote stream does.

/** A remote MediaStream: its tracks, and `addtrack` / `removetrack` when they change. */
export class FakeRemoteStream extends EventTarget {
  readonly #tracks: MediaStreamTrack[] = [];

  constructor(kinds: readonly ('audio' | 'video')[] = []) {
    super();
    for (const kind of kinds) this.#tracks.push(fakeTrack(kind));
  }

  get asStream(): MediaStream {
    return this as unknown as MediaStream;
  }

  getTracks(): MediaStreamTrack[] {
    return [...this.#tracks];
  }
  getAudioTracks(): MediaStreamTrack[] {
    return this.#tracks.filter((track) => track.kind === 'audio');
  }
  getVideoTracks(): MediaStreamTrack[] {
    return this.#tracks.filter((track) => track.kind === 'video');
  }

  /** The browser adds a track from a later offer (not the page's own addTrack: no event then). */
  receive(kind: 'audio' | 'video'): MediaStreamTrack {
    const track = fakeTrack(kind);
    this.#tracks.push(track);
    this.dispatchEvent(new Event('addtrack'));
    return track;
  }

  /** The browser drops a track the publisher no longer sends. */
  drop(kind: 'audio' | 'video'): void {
    const index = this.#tracks.findIndex((track) => track.kind === kind);
    if (index < 0) return;
    this.#tracks.splice(index, 1);
    this.dispatchEvent(new Event('removetrack'));
  }
}

let trackCount = 0;
function fakeTrack(kind: 'audio' | 'video'): MediaStreamTrack {
  trackCount += 1;
  return { id: `${kind}-${String(trackCount)}`, kind, enabled: true } as MediaStreamTrack;
}

/** A publisher's side of one subscription, as the test plays it. */
export interface FakePublisher {
  target: SubscribeTarget;
  /** Connected, with this stream (its first track reported as the one that arrived). */
  goLive(stream: FakeRemoteStream): void;
  /** Nobody publishes the target. */
  goOffline(): void;
  mute(mute: RemoteMute): void;
  /** What the subscription's getStats answers from now on (RTCStats reports; none: null). */
  setStats(reports: readonly Record<string, unknown>[] | null): void;
  /** The connection broke (ICE disconnected): the subscription is reconnecting. */
  interrupt(): void;
}

/** A MediaSession whose subscriptions the test answers, one FakePublisher per target. */
export function fakeMediaSession(): {
  session: MediaSession;
  publisher: (source: SubscribeTarget['source']) => FakePublisher;
} {
  const listeners = new Map<string, { target: SubscribeTarget; listener: SubscriptionListener }>();
  const stats = new Map<string, readonly Record<string, unknown>[] | null>();
  const transport: Pick<MediaTransport, 'start' | 'subscribe' | 'close'> = {
    start: (listener) => {
      listener.onStateChange('connected');
    },
    subscribe: (target, listener) => {
      listeners.set(target.source, { target, listener });
      return {
        getStats: () => {
          const reports = stats.get(target.source) ?? null;
          const report = reports && new Map(reports.map((stat) => [String(stat.id), stat]));
          return Promise.resolve(report as RTCStatsReport | null);
        },
        close: () => {
          listeners.delete(target.source);
        },
      };
    },
    close: () => undefined,
  };
  const session = new MediaSession(transport as MediaTransport);
  const publisher = (source: SubscribeTarget['source']): FakePublisher => {
    const found = listeners.get(source);
    if (!found) throw new Error(`nobody subscribed to ${source}`);
    const { target, listener } = found;
    return {
      target,
      goLive: (stream) => {
        act(() => {
          listener.onStateChange('connecting', null);
          listener.onStateChange('connected', null);
          const [first] = stream.getTracks();
          if (first) listener.onTrack(first, stream.asStream);
        });
      },
      goOffline: () => {
        act(() => {
          listener.onStateChange('connecting', 'MEDIA_UNAVAILABLE');
        });
      },
      mute: (mute) => {
        act(() => {
          listener.onRemoteMute(mute);
        });
      },
      setStats: (reports) => {
        stats.set(source, reports);
      },
      interrupt: () => {
        act(() => {
          listener.onStateChange('reconnecting', null);
        });
      },
    };
  };
  return { session, publisher };
}

/** jsdom plays no media: attaching a stream to <video> and play() are all a tile does with it. */
export function stubMediaElements(): void {
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    set: () => undefined,
    get: () => null,
    configurable: true,
  });
  Object.defineProperty(HTMLMediaElement.prototype, 'play', {
    value: () => Promise.resolve(),
    configurable: true,
  });
}
