import type { MyRegistration } from '../../../../shared/api/exams.js';

/** Why 人脸识别 / 进入候考区 cannot be used yet, in the order the candidate must clear them. */
export type CheckInBlock =
  | { reason: 'withdrawn' }
  | { reason: 'attendancePending' }
  | { reason: 'identityPending' }
  | { reason: 'notOpen'; preEntryMinutes: number }
  | { reason: 'ended' }
  /** Everything is in order; the check-in itself is not built yet. */
  | { reason: 'comingSoon' };

/** The first thing that keeps a registration from check-in; `status` is from the server clock. */
export function checkInBlock(
  row: Pick<MyRegistration, 'attendance' | 'identityConfirmedAt' | 'status' | 'preEntryMinutes'>,
): CheckInBlock {
  if (row.attendance === 'withdrawn') return { reason: 'withdrawn' };
  if (row.attendance === 'pending') return { reason: 'attendancePending' };
  if (!row.identityConfirmedAt) return { reason: 'identityPending' };
  if (row.status === 'not_started')
    return { reason: 'notOpen', preEntryMinutes: row.preEntryMinutes };
  if (row.status === 'ended') return { reason: 'ended' };
  return { reason: 'comingSoon' };
}
