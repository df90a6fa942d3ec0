import { Badge, Card, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaSource } from '../../../../shared/events.js';
import { createP2PMediaSession } from '../../../media/p2p-session.js';

/** After a subscription gave up (nobody published for a long while), when to ask again. */
const RESUBSCRIBE_MS = 5_000;

/** The two cameras of a check-in: the PC's (published by the check-in page) and the phone's. */
const CAMERAS = ['camera', 'phone'] as const satisfies readonly MediaSource[];
type Camera = (typeof CAMERAS)[number];

/** What staff read under a video: 连接中…, 未在线 (nobody publishes), live, or not allowed. */
type CameraView = 'connecting' | 'offline' | 'live' | 'refused';

const BADGES: Record<CameraView, 'processing' | 'default' | 'success' | 'error'> = {
  connecting: 'processing',
  offline: 'default',
  live: 'success',
  refused: 'error',
};

/**
 * 实时画面: the candidate's PC camera and phone camera side by side, subscribed while the drawer
 * is open (it unmounts its content on close, which unsubscribes).
 */
export function LiveCameras({
  registrationId,
  candidateName,
}: {
  registrationId: string;
  candidateName: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="live-cameras-title">
      <Typography.Title level={2} id="live-cameras-title" style={{ fontSize: 16 }}>
        {t('staffCheckIn.live.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('staffCheckIn.live.hint')}</Typography.Paragraph>
      <Flex gap={16} wrap>
        {CAMERAS.map((camera) => (
          <LiveCamera
            key={camera}
            registrationId={registrationId}
            camera={camera}
            candidateName={candidateName}
          />
        ))}
      </Flex>
    </section>
  );
}

function LiveCamera({
  registrationId,
  camera,
  candidateName,
}: {
  registrationId: string;
  camera: Camera;
  candidateName: string;
}) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [view, setView] = useState<CameraView>('connecting');
  // A new round is a new subscription (after the previous one gave up).
  const [round, setRound] = useState(0);

  useEffect(() => {
    let retryTimer: number | undefined;
    const show = (stream: MediaStream | null) => {
      const video = videoRef.current;
      if (!video || video.srcObject === stream) return;
      video.srcObject = stream;
      if (stream) void video.play().catch(() => undefined);
    };
    const session = createP2PMediaSession();
    const subscription = session.subscribe({ registrationId, source: camera });
    subscription.on('stateChanged', (state, code) => {
      const unavailable = code === 'MEDIA_UNAVAILABLE' || code === 'UNAVAILABLE';
      if (state === 'connected') setView('live');
      // Still asking: 未在线 while nobody publishes, else 连接中….
      else if (state === 'connecting' || state === 'reconnecting') {
        setView(unavailable ? 'offline' : 'connecting');
      } else if (state === 'failed') {
        // Nobody published for a long while: ask again later (the candidate may still come).
        // Any other refusal (not this staff member's session) asking again cannot fix.
        setView(unavailable ? 'offline' : 'refused');
        if (unavailable) {
          retryTimer = window.setTimeout(() => {
            setRound((n) => n + 1);
          }, RESUBSCRIBE_MS);
        }
      }
    });
    subscription.on('trackAdded', (_track, stream) => {
      show(stream);
    });
    subscription.on('trackRemoved', () => {
      show(null);
    });
    return () => {
      window.clearTimeout(retryTimer);
      session.close();
      show(null);
    };
  }, [registrationId, camera, round]);

  const name = t(`staffCheckIn.live.${camera}`);
  return (
    <Card size="small" title={name} style={{ flex: '1 1 320px', maxWidth: 400 }}>
      <Flex vertical gap={8}>
        <video
          ref={videoRef}
          data-testid={`live-camera-${camera}`}
          data-state={view}
          aria-label={t('staffCheckIn.live.videoLabel', { name: candidateName, camera: name })}
          autoPlay
          muted
          playsInline
          style={{ width: '100%', aspectRatio: '4 / 3', background: '#000', borderRadius: 8 }}
        />
        <span role="status" aria-live="polite">
          <Badge status={BADGES[view]} text={t(`staffCheckIn.live.state.${view}`)} />
        </span>
      </Flex>
    </Card>
  );
}
