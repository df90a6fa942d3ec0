import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** mm:ss (or h:mm:ss) since `startedAt`, on the server's clock (`offsetMs` = server − browser). */
export function InterviewTimer({ startedAt, offsetMs }: { startedAt: string; offsetMs: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => window.clearInterval(timer);
  }, [offsetMs]);
  const seconds = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(seconds / 3600);
  const time = `${hours > 0 ? `${String(hours)}:` : ''}${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return (
    <Typography.Text strong role="timer" data-testid="interview-timer">
      {t('candidateWaitingRoom.elapsed', { time })}
    </Typography.Text>
  );
}
