import { useEffect, useState } from 'react';
import type { VideoLayer } from '../../shared/api/media.js';
import type { RemoteMute } from '../../shared/events.js';
import {
  LINK_QUALITY_INTERVAL_MS,
  LinkQualityTracker,
  type LinkQuality,
} from '../media/link-quality.js';
import type { MediaSession, SubscribeTarget } from '../media/media-session.js';

/**
 * What a viewer reads under a remote video: 连接中…, 未在线 (nobody publishes it), live, not
 * allowed (a final refusal), or failed.
 */
export type RemoteView = 'connecting' | 'offline' | 'live' | 'refused' | 'failed';

/** After a subscription gave up because nobody published, when to ask again anyway. */
const RESUBSCRIBE_MS = 5_000;
const UNPUBLISHED = new Set(['MEDIA_UNAVAILABLE', 'UNAVAILABLE']);

export interface RemoteStreamState {
  stream: MediaStream | null;
  view: RemoteView;
  mute: RemoteMute | null;
  /** How well the stream arrives (with `withQuality`): null until measured or connected. */
  quality: LinkQuality | null;
}

/**
 * Subscribes to `target` on `session` in `layer` while it is given and returns the remote stream and its
 * view (starting at `connecting`: key the component by target to start over for another). The server's `media:available` wakes a waiting subscription at once; a slow timer
 * covers the case where that message was missed (a reconnect at the wrong moment). With
 * `withQuality` it reads the connection's stats every LINK_QUALITY_INTERVAL_MS for `quality`.
 */
export function useRemoteStream(
  session: MediaSession,
  target: SubscribeTarget | null,
  layer: VideoLayer = 'full',
  withQuality = false,
): RemoteStreamState {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [mute, setMute] = useState<RemoteMute | null>(null);
  const [quality, setQuality] = useState<LinkQuality | null>(null);
  const [view, setView] = useState<RemoteView>('connecting');
  const [round, setRound] = useState(0);
  const targetKey = target ? JSON.stringify(target) : null;

  useEffect(() => {
    if (!targetKey) return;
    let retryTimer: number | undefined;
    const subscription = session.subscribe(JSON.parse(targetKey) as SubscribeTarget, layer);
    const tracker = new LinkQualityTracker();
    let hasConnected = false;
    const qualityTimer = withQuality
      ? window.setInterval(() => {
          void subscription.readStats().then((sample) => {
            if (sample && subscription.state === 'connected') setQuality(tracker.update(sample));
          });
        }, LINK_QUALITY_INTERVAL_MS)
      : undefined;
    subscription.on('stateChanged', (state, code) => {
      const unpublished = code !== null && UNPUBLISHED.has(code);
      if (state === 'connected') hasConnected = true;
      // Down after having been up: nothing arrives, say so at once (not after the next read).
      if (withQuality && hasConnected && (state === 'reconnecting' || state === 'failed')) {
        setQuality(tracker.interrupted());
      }
      if (state === 'connected') setView('live');
      else if (state === 'connecting' || state === 'reconnecting') {
        setView(unpublished ? 'offline' : 'connecting');
      } else if (state === 'failed') {
        setView(unpublished ? 'offline' : code === 'NOT_FOUND' ? 'refused' : 'failed');
        retryTimer = window.setTimeout(() => {
          setRound((n) => n + 1);
        }, RESUBSCRIBE_MS);
      }
    });
    subscription.on('trackAdded', (_track, remote) => {
      setStream(remote);
    });
    subscription.on('trackRemoved', () => {
      setStream(null);
    });
    subscription.on('remoteMuteChanged', setMute);
    return () => {
      window.clearTimeout(retryTimer);
      window.clearInterval(qualityTimer);
      session.unsubscribe(subscription);
      setStream(null);
      setMute(null);
      setQuality(null);
    };
  }, [session, targetKey, round, layer, withQuality]);

  return { stream, view, mute, quality };
}
