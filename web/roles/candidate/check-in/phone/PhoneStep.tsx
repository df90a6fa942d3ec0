import { useMutation } from '@tanstack/react-query';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getMyCheckIn } from '../../../../../shared/api/check-in.js';
import { callApi } from '../../../../api/client.js';
import type { CheckInStepProps } from '../stepProps.js';
import { PhoneMonitorPanel } from './PhoneMonitorPanel.js';

/** 第二机位: the QR code for the phone, its live view and status (red dot when lost). */
export function PhoneStep({ state, onStateChange }: CheckInStepProps) {
  const { t } = useTranslation();
  const phoneStep = state.steps.phone.state;
  const isDone = phoneStep === 'passed' || phoneStep === 'flagged';
  const next = useMutation({
    mutationFn: () => callApi(getMyCheckIn, { params: { registrationId: state.registrationId } }),
    onSuccess: onStateChange,
  });

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('phoneCamera.pc.intro')}</Typography.Paragraph>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t('phoneCamera.pc.placement')}
      </Typography.Paragraph>
      <PhoneMonitorPanel state={state} onStateChange={onStateChange} />
      <div>
        <Button
          type="primary"
          size="large"
          disabled={!isDone}
          loading={next.isPending}
          onClick={() => next.mutate()}
        >
          {t('phoneCamera.pc.next')}
        </Button>
      </div>
    </Flex>
  );
}
