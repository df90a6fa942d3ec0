import { Flex, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/ApiError.js';
import {
  configureSocket,
  disconnectSocket,
  socketRefusal,
  useSocketConnectionState,
} from '../../api/socket.js';
import { PublicShell } from '../../layout/PublicShell.js';
import { PageSpinner } from '../../ui/PageSpinner.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';
import { ConfirmIdentity } from './ConfirmIdentity.js';
import { MonitoringView } from './MonitoringView.js';
import { PhoneErrorPage } from './PhoneErrorPage.js';
import { PhotoCheck } from './PhotoCheck.js';
import { PlacementStep } from './PlacementStep.js';
import { usePhoneSession, useStorePhoneSession } from './usePhoneSession.js';
import { usePhoneSocket } from './usePhoneSocket.js';
import { useWakeLock } from './useWakeLock.js';

// This page's socket is the phone's, even in a browser that is also logged in.
configureSocket({ client: 'phone' });

/**
 * `/phone#<token>`: the phone as the second camera (docs/journeys.md J3): 信息确认 → 拍照验证 → placement
 * and screen-on → 进入考试监控 → 考试已结束 (camera, screen lock and socket released). Not logged
 * in: the claimed token leaves a device cookie, so a reload resumes where the server says the
 * phone stands.
 */
export function PhonePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('phoneCamera.title'));
  const phone = usePhoneSession();
  const storeSession = useStorePhoneSession();
  const [hasConfirmed, setConfirmed] = useState(false);
  const [isPhotoDone, setPhotoDone] = useState(false);
  const [isReplaced, setReplaced] = useState(false);
  const connection = useSocketConnectionState();
  const session = phone.data;
  const isEnded = session?.examEnd != null;
  const isStarted = session?.startedAt != null;
  const isPlacing =
    session !== undefined && hasConfirmed && (!session.faceCheckRequired || isPhotoDone);
  const wakeLock = useWakeLock(!isReplaced && !isEnded && (isStarted || isPlacing));
  usePhoneSocket(session !== undefined && !isReplaced && !isEnded, {
    onReplaced: () => {
      setReplaced(true);
      disconnectSocket();
    },
    onEnded: (reason) => {
      if (session) storeSession({ ...session, examEnd: reason });
      disconnectSocket();
    },
  });
  const refusal = connection === 'disconnected' ? socketRefusal() : null;

  let content;
  if (isReplaced) {
    content = (
      <Result
        status="warning"
        title={<span role="alert">{t('phoneCamera.monitoring.replacedTitle')}</span>}
        subTitle={t('phoneCamera.monitoring.replacedDetail')}
      />
    );
  } else if (isEnded) {
    content = (
      <Result
        status="success"
        title={
          <span role="status" data-testid="phone-exam-ended">
            {t('phoneCamera.monitoring.endedTitle')}
          </span>
        }
        subTitle={t('phoneCamera.monitoring.endedDetail')}
      />
    );
  } else if (refusal === 'PHONE_NOT_PAIRED') {
    content = (
      <PhoneErrorPage error={new ApiError({ code: refusal, message: refusal, status: 401 })} />
    );
  } else if (phone.isError) {
    content = <PhoneErrorPage error={phone.error} onRetry={() => void phone.refetch()} />;
  } else if (!session) {
    content = <PageSpinner />;
  } else if (isStarted) {
    content = <MonitoringView wakeLock={wakeLock} />;
  } else if (!hasConfirmed) {
    content = <ConfirmIdentity session={session} onConfirm={() => setConfirmed(true)} />;
  } else if (session.faceCheckRequired && !isPhotoDone) {
    content = (
      <PhotoCheck
        session={session}
        onSessionChange={storeSession}
        onDone={() => setPhotoDone(true)}
      />
    );
  } else {
    content = <PlacementStep wakeLock={wakeLock} onStarted={storeSession} />;
  }

  return (
    <PublicShell width={520}>
      <Flex vertical gap={16} style={{ fontSize: 16 }}>
        {content}
      </Flex>
    </PublicShell>
  );
}
