import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttemptProgress } from '../../../../shared/api/attempt-progress.js';
import { useTimelineWords } from './useTimelineWords.js';

/** The total of a row's signals (SIGNAL_EVENT_TYPES), for the progress list's 异常 column. */
export function signalTotal(row: Pick<AttemptProgress, 'signalCounts'>): number {
  return Object.values(row.signalCounts).reduce((sum, count) => sum + count, 0);
}

/** `共 4 次` and, under it, `离开页面 3 次 · 粘贴 1 次`: the count in words, not a colour. */
export function SignalSummary({ row }: { row: AttemptProgress }) {
  const { t } = useTranslation();
  const words = useTimelineWords();
  if (row.state === 'not_started') return '—';
  const total = signalTotal(row);
  if (total === 0) return t('staffTimeline.signalsNone');
  return (
    <div>
      <Typography.Text strong type="danger">
        {t('staffTimeline.signalsTotal', { count: total })}
      </Typography.Text>
      <div>{words.signalWords(row.signalCounts)}</div>
    </div>
  );
}

/** 时间线: the row's attempt timeline, under the list's own path (/proctor or /admin). */
export function TimelineLink({ row, basePath }: { row: AttemptProgress; basePath: string }) {
  const { t } = useTranslation();
  if (row.state === 'not_started') return null;
  return (
    <Link
      to={`${basePath}/${row.registrationId}/timeline`}
      aria-label={t('staffTimeline.openLinkLabel', { name: row.candidateName })}
    >
      {t('staffTimeline.openLink')}
    </Link>
  );
}
