import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { MediaQuality } from '../../shared/api/media.js';
import type { MediaSession, PublishAs, TrackKind } from '../media/media-session.js';

export interface PublicationControls {
  isPublishing: boolean;
  isMuted: (kind: TrackKind) => boolean;
  toggle: (kind: TrackKind) => void;
}

/**
 * Publishes `stream` as `as` on `session` at `quality` while both are given; unpublishes when one goes away
 * or on unmount. `as` is compared by value, so an inline object does not republish on every
 * render. Re-renders when the publication's mute state changes.
 */
export function usePublication(
  session: MediaSession,
  stream: MediaStream | null,
  as: PublishAs | null,
  quality: MediaQuality = 'proctoring',
): PublicationControls {
  const asKey = as ? JSON.stringify(as) : null;
  const source = as?.source ?? null;

  useEffect(() => {
    if (!stream || !asKey) return;
    const published = session.publish(stream.getTracks(), JSON.parse(asKey) as PublishAs, quality);
    return () => {
      published.unpublish();
    };
  }, [session, stream, asKey, quality]);

  const subscribe = useCallback(
    (onChange: () => void) => session.on('publicationsChanged', onChange),
    [session],
  );
  // A string snapshot: equal while nothing the controls show has changed.
  useSyncExternalStore(subscribe, () => {
    const publication = source ? session.publication(source) : null;
    return publication
      ? `${String(publication.isMuted('audio'))}/${String(publication.isMuted('video'))}`
      : 'none';
  });

  const publication = source ? session.publication(source) : null;
  const toggle = useCallback(
    (kind: TrackKind) => {
      const current = source ? session.publication(source) : null;
      if (!current) return;
      if (current.isMuted(kind)) current.unmute(kind);
      else current.mute(kind);
    },
    [session, source],
  );
  return {
    isPublishing: publication !== null,
    isMuted: (kind) => publication?.isMuted(kind) ?? false,
    toggle,
  };
}
