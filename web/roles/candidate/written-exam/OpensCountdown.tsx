import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { splitDuration } from '../check-in/checkInView.js';
import { useServerNow } from '../check-in/useCheckIn.js';

/** How soon 开始作答 is asked again when the server said it is a moment too early. */
export const START_RETRY_MS = 2_000;

interface OpensCountdownProps {
  opensAt: string;
  offsetMs: number;
  /** 开始作答, called once when the server clock reaches the start (and on 重试). */
  onStart: () => void;
  isStarting: boolean;
  error: unknown;
}

/** 距离开考还有 … on the server's clock; the paper opens by itself at zero (seed 002). */
export function OpensCountdown({
  opensAt,
  offsetMs,
  onStart,
  isStarting,
  error,
}: OpensCountdownProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const now = useServerNow(offsetMs);
  const hasOpened = now >= Date.parse(opensAt);
  const isStarted = useRef(false);
  useEffect(() => {
    if (!hasOpened || isStarted.current) return;
    isStarted.current = true;
    onStart();
  }, [hasOpened, onStart]);

  // This clock may run a little ahead of the server's: too early by a moment, ask again shortly.
  const isEarly = isApiError(error, 'ATTEMPT_NOT_OPEN_YET');
  useEffect(() => {
    if (!isEarly) return;
    const timer = window.setTimeout(onStart, START_RETRY_MS);
    return () => window.clearTimeout(timer);
  }, [isEarly, error, onStart]);

  const { days, clock } = splitDuration(Date.parse(opensAt) - now);
  const time =
    days > 0 ? t('candidateWrittenExam.opens.days', { count: days, time: clock }) : clock;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('candidateWrittenExam.opens.title')}
        </Typography.Title>
      }
    >
      <Flex vertical gap={12} align="flex-start">
        {error && !isEarly ? (
          <>
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('candidateWrittenExam.opens.startFailed')}
              description={describe(error)}
            />
            <Button onClick={onStart} loading={isStarting}>
              {t('candidateWrittenExam.opens.retry')}
            </Button>
          </>
        ) : hasOpened ? (
          <Typography.Text role="status">
            {t('candidateWrittenExam.opens.starting')}
          </Typography.Text>
        ) : (
          <>
            <Typography.Text strong role="timer" style={{ fontSize: 20 }}>
              {t('candidateWrittenExam.opens.countdown', { time })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('candidateWrittenExam.opens.detail')}
            </Typography.Text>
          </>
        )}
      </Flex>
    </Card>
  );
}
