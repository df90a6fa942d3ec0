import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../shared/enums.js';

const COLORS: Record<SessionStatus, string> = {
  not_started: 'default',
  check_in_open: 'blue',
  in_progress: 'green',
  ended: 'default',
};

/** A session's status (未开始 / 候考中 / 进行中 / 已结束) as a coloured tag. */
export function StatusTag({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
