import { Typography } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';

/** "mm:ss" or "h:mm:ss". */
export function formatElapsed(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(seconds / 3600);
  const rest = `${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return hours > 0 ? `${String(hours)}:${rest}` : rest;
}

interface ElapsedTimerProps {
  startedAt: string;
  /** Server time − browser time, so everyone sees the same time whatever their clock says. */
  offsetMs: number;
  /** The sentence around the time, e.g. 已进行 {{time}}. */
  label: (time: string) => string;
  testId?: string;
  style?: CSSProperties;
}

/** Running time since `startedAt` on the server's clock (the interview timer). */
export function ElapsedTimer({ startedAt, offsetMs, label, testId, style }: ElapsedTimerProps) {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => window.clearInterval(timer);
  }, [offsetMs]);
  const seconds = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  // role="timer" is not announced on every tick (its live region is off by default).
  return (
    <Typography.Text strong role="timer" data-testid={testId} style={style}>
      {label(formatElapsed(seconds))}
    </Typography.Text>
  );
}
