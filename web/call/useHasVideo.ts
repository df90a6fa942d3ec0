import { useCallback, useSyncExternalStore } from 'react';

/**
 * Whether `stream` carries a video track now (null without a stream). A remote stream's tracks
 * may arrive one by one and a later offer may add or drop one, so this follows the stream's own
 * `addtrack` / `removetrack` events rather than the moment it was handed over.
 */
export function useHasVideo(stream: MediaStream | null): boolean | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      stream?.addEventListener('addtrack', onChange);
      stream?.addEventListener('removetrack', onChange);
      return () => {
        stream?.removeEventListener('addtrack', onChange);
        stream?.removeEventListener('removetrack', onChange);
      };
    },
    [stream],
  );
  return useSyncExternalStore(subscribe, () =>
    stream ? stream.getVideoTracks().length > 0 : null,
  );
}
