import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttemptProgress } from '../../../../shared/api/attempt-progress.js';
import { formatElapsed } from '../../../ui/ElapsedTimer.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

/** Whether the server sees the candidate's PC now (在线 / 离线); — when not answering. */
export function ConnectionTag({ row }: { row: AttemptProgress }) {
  const { t } = useTranslation();
  if (row.connection === null) return '—';
  return (
    <Tag color={row.connection === 'online' ? 'success' : 'error'}>
      {t(row.connection === 'online' ? 'staffAttempts.online' : 'staffAttempts.away')}
    </Tag>
  );
}

/** The attempt's outages, oldest first: when, how long, and what was given back. */
export function OutageList({ row }: { row: AttemptProgress }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  if (row.state === 'not_started') return '—';
  if (row.outages.length === 0) return t('staffAttempts.noOutage');
  return (
    <Flex vertical gap={2}>
      {row.outages.map((outage) => (
        <Typography.Text key={outage.startedAt} style={{ fontSize: 12 }}>
          {outage.endedAt === null
            ? t('staffAttempts.outageOngoing', { start: time.dateTime(outage.startedAt) })
            : `${t('staffAttempts.outageLine', {
                range: time.timeRange(outage.startedAt, outage.endedAt),
                lost: formatElapsed(outage.lostSeconds ?? 0),
              })}${outage.outcome ? `；${t(`staffAttempts.outcomes.${outage.outcome}`, { minutes: outage.compensationMinutes })}` : ''}`}
        </Typography.Text>
      ))}
    </Flex>
  );
}
