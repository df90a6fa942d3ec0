import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { startPhoneCamera, type PhoneSession } from '../../../shared/api/phone.js';
import { callApi } from '../../api/client.js';
import { useErrorMessage } from '../../api/errors.js';
import { PlacementDiagram } from './PlacementDiagram.js';
import type { WakeLockState } from './useWakeLock.js';

interface PlacementStepProps {
  wakeLock: WakeLockState;
  onStarted: (session: PhoneSession) => void;
}

/** Where to put the phone (docs/journeys.md J5), keep the screen on, then 进入考试监控. */
export function PlacementStep({ wakeLock, onStarted }: PlacementStepProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const start = useMutation({
    mutationFn: () => callApi(startPhoneCamera),
    onSuccess: onStarted,
  });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('phoneCamera.placement.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 16, margin: 0 }}>
        {t('phoneCamera.placement.guidance')}
      </Typography.Paragraph>
      <PlacementDiagram />
      <Typography.Text>{t('phoneCamera.placement.tips')}</Typography.Text>
      <WakeLockNotice state={wakeLock} />
      {start.isError ? (
        <Alert type="error" showIcon role="alert" title={describe(start.error)} />
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        loading={start.isPending}
        onClick={() => start.mutate()}
      >
        {t('phoneCamera.placement.start')}
      </Button>
    </Flex>
  );
}

export function WakeLockNotice({ state }: { state: WakeLockState }) {
  const { t } = useTranslation();
  if (state === 'pending') return null;
  return state === 'on' ? (
    <Alert type="success" showIcon title={t('phoneCamera.placement.wakeLockOn')} />
  ) : (
    <Alert type="warning" showIcon title={t('phoneCamera.placement.wakeLockUnavailable')} />
  );
}
