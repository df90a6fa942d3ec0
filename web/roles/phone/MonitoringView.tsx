import { Flex, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHONE_HEARTBEAT_MS } from '../../../shared/enums.js';
import { connectSocket } from '../../api/socket.js';
import type { ConnectionState } from '../../media/media-session.js';
import { createP2PMediaSession } from '../../media/p2p-session.js';
import { ReconnectingBanner } from '../../ui/ReconnectingBanner.js';
import { CameraErrorNotice } from './CameraErrorNotice.js';
import { CameraVideo } from './CameraVideo.js';
import { WakeLockNotice } from './PlacementStep.js';
import { useCamera } from './useCamera.js';
import type { WakeLockState } from './useWakeLock.js';

interface MonitoringViewProps {
  wakeLock: WakeLockState;
  /** A newer phone took over (`phone:replaced`). */
  onReplaced: () => void;
}

/**
 * 监控已开启: the rear camera (any camera when there is none) published as `phone` through the
 * media session, the heartbeat every PHONE_HEARTBEAT_MS, and a small self-view.
 */
export function MonitoringView({ wakeLock, onReplaced }: MonitoringViewProps) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const camera = useCamera('environment', attempt);
  const [mediaState, setMediaState] = useState<ConnectionState>('new');

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

  useEffect(() => {
    const socket = connectSocket();
    const beat = () => {
      // Only while connected: socket.io would otherwise queue a burst for the reconnect.
      if (socket.connected) socket.emit('phone:heartbeat');
    };
    beat();
    const timer = window.setInterval(beat, PHONE_HEARTBEAT_MS);
    socket.on('connect', beat);
    socket.on('phone:replaced', onReplaced);
    return () => {
      window.clearInterval(timer);
      socket.off('connect', beat);
      socket.off('phone:replaced', onReplaced);
    };
  }, [onReplaced]);

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
            stream={camera.stream}
            label={t('phoneCamera.monitoring.selfView')}
            style={{ maxWidth: 200 }}
          />
          <Typography.Text type="secondary">{t('phoneCamera.monitoring.selfView')}</Typography.Text>
        </Flex>
      ) : null}
      <WakeLockNotice state={wakeLock} />
      <ReconnectingBanner states={[mediaState]} />
    </Flex>
  );
}
