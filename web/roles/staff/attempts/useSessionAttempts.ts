import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  listSessionAttempts,
  type AttemptProgress,
} from '../../../../shared/api/attempt-progress.js';
import { callApi } from '../../../api/client.js';
import { formatElapsed } from '../../../ui/ElapsedTimer.js';

/** The query key of a session's attempts: the list, the console and their actions share it. */
export const sessionAttemptsKey = (sessionId: string) =>
  ['sessions', sessionId, 'attempts'] as const;

/**
 * A written session's attempts, refreshed every `refreshMs`, with the server's clock: `serverNow`
 * ticks every second from the offset measured on each answer (never the PC's own time).
 */
export function useSessionAttempts(sessionId: string, refreshMs: number) {
  const listKey = sessionAttemptsKey(sessionId);
  const attempts = useQuery({
    queryKey: listKey,
    queryFn: async () => {
      const sentAt = Date.now();
      const answer = await callApi(listSessionAttempts, { params: { sessionId } });
      return { ...answer, offsetMs: Date.parse(answer.serverTime) - (sentAt + Date.now()) / 2 };
    },
    refetchInterval: refreshMs,
  });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return { attempts, listKey, serverNow: now + (attempts.data?.offsetMs ?? 0) };
}

/** Time left of an attempt in progress as 01:23:45, or null when it is not in progress. */
export function timeLeftOf(
  row: Pick<AttemptProgress, 'state' | 'deadline'>,
  serverNow: number,
): { seconds: number; text: string } | null {
  if (row.state !== 'in_progress' || !row.deadline) return null;
  const seconds = Math.floor((Date.parse(row.deadline) - serverNow) / 1000);
  return { seconds, text: seconds > 0 ? formatElapsed(seconds) : '' };
}
