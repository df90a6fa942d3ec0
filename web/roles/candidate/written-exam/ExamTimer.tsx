import { Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { visuallyHidden } from '../../../ui/visuallyHidden.js';
import { splitDuration } from '../check-in/checkInView.js';
import { crossedMinute } from './exam-time.js';

interface ExamTimerProps {
  deadline: string;
  /** The server clock now (ms). */
  now: number;
}

/**
 * 剩余时间 hh:mm:ss on the server's clock. The clock itself is silent for screen readers
 * (role="timer", aria-live off); a separate polite region speaks at 15, 5 and 1 minutes left.
 */
export function ExamTimer({ deadline, now }: ExamTimerProps) {
  const { t } = useTranslation();
  const leftMs = Math.max(0, Date.parse(deadline) - now);
  const previous = useRef(leftMs);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const minute = crossedMinute(previous.current, leftMs);
    previous.current = leftMs;
    if (minute !== null) {
      setAnnouncement(t('candidateWrittenExam.timer.announce', { count: minute }));
    }
  }, [leftMs, t]);
  const { days, clock } = splitDuration(leftMs);
  const hours = days * 24 + Number(clock.slice(0, 2));
  const text = `${String(hours).padStart(2, '0')}${clock.slice(2)}`;
  const isShort = leftMs <= 5 * 60_000;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'baseline', gap: 8 }}>
      <Typography.Text type="secondary">{t('candidateWrittenExam.timer.label')}</Typography.Text>
      <Typography.Text
        strong
        role="timer"
        aria-live="off"
        aria-label={t('candidateWrittenExam.timer.label')}
        type={isShort ? 'danger' : undefined}
        style={{ fontSize: 20, fontVariantNumeric: 'tabular-nums' }}
        data-testid="exam-timer"
      >
        {text}
      </Typography.Text>
      <span aria-live="polite" style={visuallyHidden} data-testid="timer-announcement">
        {announcement}
      </span>
    </span>
  );
}
