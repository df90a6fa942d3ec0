import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "mm:ss" or "h:mm:ss". */
export function formatElapsed(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(seconds / 3600);
  const rest = `${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return hours > 0 ? `${String(hours)}:${rest}` : rest;
}

/**
 * The interview's running time since `startedAt`, on the server's clock (`offsetMs` = server −
 * browser), so every panel member and the candidate see the same time.
 */
export function ElapsedTimer({ startedAt, offsetMs }: { startedAt: string; offsetMs: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => window.clearInterval(timer);
  }, [offsetMs]);
  const seconds = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  // role="timer" is not announced on every tick (its live region is off by default).
  return (
    <Typography.Text
      strong
      role="timer"
      data-testid="panel-interview-timer"
      style={{ fontSize: 20 }}
    >
      {t('staffPanel.current.elapsed', { time: formatElapsed(seconds) })}
    </Typography.Text>
  );
}
