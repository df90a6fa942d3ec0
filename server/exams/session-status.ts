import type { SessionStatus } from '../../shared/enums.js';

/**
 * A session's status from the server clock: check-in opens `preEntryMinutes` before the start
 * (候考中), runs until the end (进行中), then it has ended.
 */
export function sessionStatusAt(
  now: Date,
  session: { startsAt: Date; endsAt: Date },
  preEntryMinutes: number,
): SessionStatus {
  if (now >= session.endsAt) return 'ended';
  if (now >= session.startsAt) return 'in_progress';
  if (now.getTime() >= session.startsAt.getTime() - preEntryMinutes * 60_000)
    return 'check_in_open';
  return 'not_started';
}
