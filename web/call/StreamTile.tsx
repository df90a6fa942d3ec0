import { SoundOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Tag } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteMute } from '../../shared/events.js';
import type { LinkQuality } from '../media/link-quality.js';
import type { RemoteView } from './useRemoteStream.js';

const BADGES: Record<RemoteView, 'processing' | 'default' | 'success' | 'error'> = {
  connecting: 'processing',
  offline: 'default',
  live: 'success',
  refused: 'error',
  failed: 'error',
};

const QUALITY_BADGES: Record<LinkQuality, 'success' | 'warning' | 'error'> = {
  good: 'success',
  poor: 'warning',
  lost: 'error',
};

interface StreamTileProps {
  title: ReactNode;
  /** What a screen reader calls the video (e.g. 张三的摄像头画面). */
  label: string;
  stream: MediaStream | null;
  view: RemoteView;
  /** What the other side has muted (a remote stream), shown beside the status. */
  mute?: RemoteMute | null;
  /** How well the remote stream arrives; shown (and announced when it changes) when known. */
  quality?: LinkQuality | null;
  /** Replaces the status text of `offline` (a screen that is not shared is not "offline"). */
  offlineText?: string;
  /** Plays the stream's sound (a remote voice); the local preview and watched feeds do not. */
  withSound?: boolean;
  /** Mirrors the picture (one's own camera, as in a mirror). */
  mirrored?: boolean;
  /**
   * False when the live stream carries sound only (a PC without a camera): the tile says so
   * instead of showing a black picture as if it were connected, and still plays the sound.
   */
  hasVideo?: boolean;
  /** What the status says of a live stream without a picture (仅声音… by default). */
  audioOnlyText?: string;
  testId: string;
  width?: number;
}

/**
 * A video with its caption and connection status. With sound, a browser that refuses to play
 * audio before the user touched the page gets the picture muted and a 点击开启声音 button.
 */
export function StreamTile({
  title,
  label,
  stream,
  view,
  mute = null,
  quality = null,
  offlineText,
  withSound = false,
  mirrored = false,
  hasVideo = true,
  audioOnlyText,
  testId,
  width = 360,
}: StreamTileProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [isSoundBlocked, setIsSoundBlocked] = useState(false);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || video.srcObject === stream) return;
    video.srcObject = stream;
    if (!stream) return;
    video.muted = !withSound;
    video.play().catch((error: unknown) => {
      if (!withSound || !(error instanceof DOMException) || error.name !== 'NotAllowedError') {
        return;
      }
      // Autoplay policy: show the picture now, the sound after a click.
      video.muted = true;
      setIsSoundBlocked(true);
      void video.play().catch(() => undefined);
    });
  }, [stream, withSound]);

  const enableSound = () => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = false;
    void video.play().then(() => {
      setIsSoundBlocked(false);
    });
  };

  const isAudioOnly = view === 'live' && !hasVideo;
  const status = isAudioOnly
    ? (audioOnlyText ?? t('call.tile.audioOnly'))
    : view === 'offline' && offlineText
      ? offlineText
      : t(`call.tile.${view}`);
  return (
    <Card
      size="small"
      title={title}
      data-testid={`${testId}-tile`}
      style={{ flex: `1 1 ${String(width - 80)}px`, maxWidth: width }}
    >
      <Flex vertical gap={8}>
        <div style={{ position: 'relative' }}>
          <video
            ref={videoRef}
            data-testid={testId}
            data-state={view}
            aria-label={label}
            autoPlay
            playsInline
            muted={!withSound}
            style={{
              display: 'block',
              width: '100%',
              aspectRatio: '4 / 3',
              background: '#000',
              borderRadius: 8,
              transform: mirrored ? 'scaleX(-1)' : undefined,
            }}
          />
          {isAudioOnly ? <AudioOnlyCover /> : null}
        </div>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <span role="status" aria-live="polite">
            <Badge status={BADGES[view]} text={status} />
            {view === 'live' && mute?.audio ? (
              <Tag color="orange" style={{ marginInlineStart: 8 }}>
                {t('call.remoteMuted')}
              </Tag>
            ) : null}
            {view === 'live' && hasVideo && mute?.video ? (
              <Tag style={{ marginInlineStart: 8 }}>{t('call.remoteCameraOff')}</Tag>
            ) : null}
          </span>
          {quality ? <QualityBadge quality={quality} testId={testId} /> : null}
          {isSoundBlocked ? (
            <Button size="small" icon={<SoundOutlined />} onClick={enableSound}>
              {t('call.enableSound')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}

/**
 * 网络良好 / 网络较差 / 网络中断 in a live region of its own: mounted with the first verdict
 * (not announced), then only a change of verdict is read out.
 */
function QualityBadge({ quality, testId }: { quality: LinkQuality; testId: string }) {
  const { t } = useTranslation();
  return (
    <span role="status" aria-live="polite" data-testid={`${testId}-quality`} data-quality={quality}>
      <Badge status={QUALITY_BADGES[quality]} text={t(`call.quality.${quality}`)} />
    </span>
  );
}

/** Over the empty picture of a stream with sound only: a speaker, 仅声音 (the status says why). */
function AudioOnlyCover() {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap={8}
      aria-hidden
      data-testid="audio-only-cover"
      style={{ position: 'absolute', inset: 0, color: '#fff', fontSize: 16 }}
    >
      <SoundOutlined style={{ fontSize: 40 }} />
      {t('call.audioOnlyCover')}
    </Flex>
  );
}
