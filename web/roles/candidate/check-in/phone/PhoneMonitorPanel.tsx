import { Flex, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMyCheckIn } from '../../../../../shared/api/check-in.js';
import type { PhoneStatus } from '../../../../../shared/events.js';
import { callApi } from '../../../../api/client.js';
import type { CheckInStepProps } from '../stepProps.js';
import { PairingQrCode } from './PairingQrCode.js';
import { PhoneLiveView } from './PhoneLiveView.js';
import { usePhoneStatus } from './usePhoneStatus.js';

const DOT_COLORS: Record<PhoneStatus['state'], string> = {
  live: '#52c41a',
  lost: '#ff4d4f',
  unpaired: '#bfbfbf',
};

/**
 * The phone camera on the PC: its status (green when live, the red dot when lost), its live
 * picture, and the pairing QR code (grey and small once a phone is paired; it enlarges to
 * re-scan). Usable beyond the phone step, e.g. while waiting for the exam to open.
 */
export function PhoneMonitorPanel({ state, onStateChange }: CheckInStepProps) {
  const { t } = useTranslation();
  const { registrationId } = state;
  const [serverOffsetMs] = useState(() => Date.parse(state.serverTime) - Date.now());
  const refetchCheckIn = useCallback(() => {
    callApi(getMyCheckIn, { params: { registrationId } }).then(onStateChange, () => undefined);
  }, [registrationId, onStateChange]);
  const status = usePhoneStatus(state, refetchCheckIn);
  const isPublishing = status.state === 'live' && status.publisherSocketId !== null;
  const label =
    status.state === 'live' && !isPublishing
      ? t('phoneCamera.pc.status.paired')
      : t(`phoneCamera.pc.status.${status.state}`);

  return (
    <Flex gap={24} wrap align="flex-start">
      <Flex vertical gap={12} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Flex
          gap={8}
          align="center"
          role="status"
          aria-live="polite"
          data-testid="phone-status"
          data-state={status.state}
        >
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: 12,
              height: 12,
              borderRadius: '50%',
              background: DOT_COLORS[status.state],
            }}
          />
          <Typography.Text strong>{label}</Typography.Text>
        </Flex>
        {status.state === 'lost' ? (
          <Typography.Text type="danger">{t('phoneCamera.pc.lostHint')}</Typography.Text>
        ) : null}
        {isPublishing && status.publisherSocketId ? (
          <PhoneLiveView
            registrationId={registrationId}
            publisherSocketId={status.publisherSocketId}
          />
        ) : null}
      </Flex>
      <PairingQrCode
        registrationId={registrationId}
        serverOffsetMs={serverOffsetMs}
        isDimmed={status.state !== 'unpaired'}
        pairedAt={status.pairedAt}
      />
    </Flex>
  );
}
