import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';

/** 在线 / 离线: whether the candidate's PC has the exam page open (its socket is connected). */
export function OnlineBadge({ isOnline }: { isOnline: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      status={isOnline ? 'success' : 'default'}
      text={isOnline ? t('staffWaitingRoom.online') : t('staffWaitingRoom.offline')}
      data-testid="candidate-online"
      data-online={String(isOnline)}
    />
  );
}
