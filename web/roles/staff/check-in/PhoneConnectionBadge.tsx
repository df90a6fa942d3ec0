import { Badge, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhoneState } from '../../../../shared/enums.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

const BADGES: Record<PhoneState, 'success' | 'error' | 'default'> = {
  live: 'success',
  lost: 'error',
  unpaired: 'default',
};

/** The phone camera: 在线 (green), 掉线 (red dot), 未连接 (grey), with when it was last seen. */
export function PhoneConnectionBadge({
  connection,
  lastSeenAt,
}: {
  connection: PhoneState;
  lastSeenAt: string | null;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <Flex vertical gap={2}>
      <Badge status={BADGES[connection]} text={t(`staffCheckIn.phone.${connection}`)} />
      {lastSeenAt && connection !== 'unpaired' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('staffCheckIn.lastSeen', { time: time.dateTime(lastSeenAt) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
