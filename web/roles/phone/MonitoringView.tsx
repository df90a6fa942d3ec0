import { Flex, Result, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../media/media-session.js';
import { createP2PMediaSession } from '../../media/p2p-session.js';
import { ReconnectingBanner } from '../../ui/ReconnectingBanner.js';
import { AnswerCapture } from './AnswerCapture.js';
import { CameraErrorNotice } from './CameraErrorNotice.js';
import { CameraVideo } from '../../media/camera/CameraVideo.js';
import { WakeLockNotice } from './PlacementStep.js';
import { useCamera } from '../../media/camera/useCamera.js';
import type { WakeLockState } from './useWakeLock.js';

/**
 * 监控已开启: the rear camera (any camera when there is none) published as `phone` through the
 * media session, and a small self-view (the page keeps the heartbeat: usePhoneSocket); 拍照上传
 * when the PC asks for photos of a file question (AnswerCapture). Leaving
 * it (the exam over, the phone replaced) stops the camera.
 */
export function MonitoringView({ wakeLock }: { wakeLock: WakeLockState }) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const camera = useCamera('environment', attempt);
  const [mediaState, setMediaState] = useState<ConnectionState>('new');
  const videoRef = useRef<HTMLVideoElement | null>(null);

  useEffect(() => {
    if (camera.status !== 'open') return;
    const [track] = camera.stream.getVideoTracks();
    if (!track) return;
    const session = createP2PMediaSession();
    const stopFollowing = session.on('stateChanged', setMediaState);
    session.publish(track, { source: 'phone' });
    return () => {
      stopFollowing();
      session.close();
    };
  }, [camera]);

  const isLive = camera.status === 'open' && mediaState === 'connected';
  return (
    <Flex vertical gap={16}>
      {camera.status === 'error' ? (
        <CameraErrorNotice reason={camera.reason} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <Result
          status={isLive ? 'success' : 'info'}
          title={
            <span
              role="status"
              aria-live="polite"
              data-testid="phone-monitoring"
              data-live={isLive}
            >
              {isLive
                ? t('phoneCamera.monitoring.live')
                : mediaState === 'reconnecting'
                  ? t('phoneCamera.monitoring.reconnecting')
                  : t('phoneCamera.monitoring.starting')}
            </span>
          }
          subTitle={isLive ? t('phoneCamera.monitoring.liveHint') : null}
          style={{ padding: '16px 0' }}
        />
      )}
      {camera.status === 'open' ? (
        <Flex vertical gap={4} align="center">
          <CameraVideo
            videoRef={videoRef}
            stream={camera.stream}
            label={t('phoneCamera.monitoring.selfView')}
            style={{ maxWidth: 200 }}
          />
          <Typography.Text type="secondary">{t('phoneCamera.monitoring.selfView')}</Typography.Text>
        </Flex>
      ) : null}
      <AnswerCapture videoRef={videoRef} isCameraOpen={camera.status === 'open'} />
      <WakeLockNotice state={wakeLock} />
      <ReconnectingBanner states={[mediaState]} />
    </Flex>
  );
}
