import { Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../../../media/media-session.js';
import { createP2PMediaSession } from '../../../../media/p2p-session.js';

interface PhoneLiveViewProps {
  registrationId: string;
  /** The live phone's socket; a new one (re-paired, reconnected) means a new subscription. */
  publisherSocketId: string;
}

/** The phone camera's picture, received through the media session (data-testid="phone-view"). */
export function PhoneLiveView({ registrationId, publisherSocketId }: PhoneLiveViewProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<ConnectionState>('new');

  useEffect(() => {
    const session = createP2PMediaSession();
    const subscription = session.subscribe(
      { registrationId, source: 'phone' },
      // A preview for the candidate: the small picture spares the phone's uplink.
      'low',
    );
    const show = (stream: MediaStream | null) => {
      const video = videoRef.current;
      if (!video || video.srcObject === stream) return;
      video.srcObject = stream;
      if (stream) void video.play().catch(() => undefined);
    };
    subscription.on('stateChanged', setState);
    subscription.on('trackAdded', (_track, stream) => show(stream));
    subscription.on('trackRemoved', () => show(null));
    return () => {
      session.close();
      show(null);
    };
  }, [registrationId, publisherSocketId]);

  return (
    <Flex vertical gap={4}>
      <video
        ref={videoRef}
        data-testid="phone-view"
        data-connection={state}
        aria-label={t('phoneCamera.pc.viewLabel')}
        autoPlay
        muted
        playsInline
        style={{
          width: '100%',
          maxWidth: 480,
          aspectRatio: '4 / 3',
          background: '#000',
          borderRadius: 8,
        }}
      />
      {state !== 'connected' ? (
        <Typography.Text type="secondary">{t('phoneCamera.pc.viewConnecting')}</Typography.Text>
      ) : null}
    </Flex>
  );
}
