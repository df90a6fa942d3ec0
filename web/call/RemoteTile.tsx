import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaSession, SubscribeTarget } from '../media/media-session.js';
import { StreamTile } from './StreamTile.js';
import { useRemoteStream } from './useRemoteStream.js';

interface RemoteTileProps {
  session: MediaSession;
  target: SubscribeTarget;
  /** Whose stream: the candidate's or the examiner's name. */
  name: string;
  title: ReactNode;
  withSound?: boolean;
  offlineText?: string;
  testId: string;
  width?: number;
}

/** A remote stream (an examiner, a candidate's camera, phone or screen) as a tile. */
export function RemoteTile({ session, target, name, ...tile }: RemoteTileProps) {
  const { t } = useTranslation();
  const { stream, view, mute } = useRemoteStream(session, target);
  const label = t('call.videoLabel', { name, what: t(`call.what.${target.source}`) });
  return <StreamTile {...tile} label={label} stream={stream} view={view} mute={mute} />;
}
