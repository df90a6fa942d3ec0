import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VideoLayer } from '../../shared/api/media.js';
import type { MediaSession, SubscribeTarget } from '../media/media-session.js';
import { StreamTile } from './StreamTile.js';
import { useHasVideo } from './useHasVideo.js';
import { useRemoteStream } from './useRemoteStream.js';

interface RemoteTileProps {
  session: MediaSession;
  target: SubscribeTarget;
  /** Whose stream: the candidate's or the examiner's name. */
  name: string;
  title: ReactNode;
  withSound?: boolean;
  offlineText?: string;
  /** What the status says when the stream is live with sound only (a PC without a camera). */
  audioOnlyText?: string;
  /** Told when the stream turns sound-only (live, no video track) and when it stops being so. */
  onAudioOnlyChange?: (isAudioOnly: boolean) => void;
  testId: string;
  width?: number;
  /** `low` for a silent watcher (a small picture, light on the publisher's uplink); `full` in a call. */
  layer?: VideoLayer;
  /** Shows how well the stream arrives (网络良好 / 网络较差 / 网络中断): staff's view of a candidate. */
  showLinkQuality?: boolean;
}

/** A remote stream (an examiner, a candidate's camera, phone or screen) as a tile. */
export function RemoteTile({
  session,
  target,
  name,
  onAudioOnlyChange,
  layer = 'full',
  showLinkQuality = false,
  ...tile
}: RemoteTileProps) {
  const { t } = useTranslation();
  const { stream, view, mute, quality } = useRemoteStream(session, target, layer, showLinkQuality);
  const hasVideo = useHasVideo(stream);
  const isAudioOnly = view === 'live' && hasVideo === false;
  useEffect(() => {
    if (!isAudioOnly) return;
    onAudioOnlyChange?.(true);
    return () => onAudioOnlyChange?.(false);
  }, [isAudioOnly, onAudioOnlyChange]);
  const label = isAudioOnly
    ? t('call.soundLabel', { name })
    : t('call.videoLabel', { name, what: t(`call.what.${target.source}`) });
  return (
    <StreamTile
      {...tile}
      label={label}
      stream={stream}
      view={view}
      mute={mute}
      quality={quality}
      hasVideo={hasVideo !== false}
    />
  );
}
