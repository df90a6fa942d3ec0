import { Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInState } from '../../../../shared/api/check-in.js';
import { splitDuration } from './checkInView.js';
import { useServerNow } from './useCheckIn.js';

interface CountdownProps {
  state: Pick<CheckInState, 'startsAt' | 'endsAt' | 'status'>;
  offsetMs: number;
  /** Called once when the server clock passes the start, to ask the server for the new state. */
  onStartReached: () => void;
}

/** 距开考还有 …, counted on the server's clock (the browser's clock may be wrong). */
export function Countdown({ state, offsetMs, onStartReached }: CountdownProps) {
  const { t } = useTranslation();
  const now = useServerNow(offsetMs);
  const startsAt = Date.parse(state.startsAt);
  const hasStarted = now >= startsAt;
  const notified = useRef(false);
  useEffect(() => {
    if (!hasStarted || notified.current || state.status === 'in_progress') return;
    notified.current = true;
    onStartReached();
  }, [hasStarted, state.status, onStartReached]);

  if (state.status === 'ended' || now >= Date.parse(state.endsAt)) {
    return <Typography.Text strong>{t('candidateCheckIn.countdown.ended')}</Typography.Text>;
  }
  if (hasStarted) {
    return <Typography.Text strong>{t('candidateCheckIn.countdown.started')}</Typography.Text>;
  }
  const { days, clock } = splitDuration(startsAt - now);
  const time =
    days > 0 ? t('candidateCheckIn.countdown.days', { count: days, time: clock }) : clock;
  // role="timer" is not announced every second; the text is there when the reader asks.
  return (
    <Typography.Text strong role="timer" style={{ fontSize: 18 }}>
      {t('candidateCheckIn.countdown.untilStart', { time })}
    </Typography.Text>
  );
}
