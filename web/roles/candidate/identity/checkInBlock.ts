import type { MyRegistration } from '../../../../shared/api/exams.js';

/** Why 人脸识别 / 进入候考区 cannot be used now, in the order the candidate must clear them. */
export type CheckInBlock =
  | { reason: 'withdrawn' }
  | { reason: 'attendancePending' }
  | { reason: 'identityPending' }
  | { reason: 'notOpen'; preEntryMinutes: number }
  | { reason: 'ended' };

/**
 * The first thing that keeps a registration from the check-in, or null when it may start
 * (from 开考前 preEntryMinutes, status check_in_open, until the end). `status` is from the server clock.
 */
export function checkInBlock(
  row: Pick<MyRegistration, 'attendance' | 'identityConfirmedAt' | 'status' | 'preEntryMinutes'>,
): CheckInBlock | null {
  if (row.attendance === 'withdrawn') return { reason: 'withdrawn' };
  if (row.attendance === 'pending') return { reason: 'attendancePending' };
  if (!row.identityConfirmedAt) return { reason: 'identityPending' };
  switch (row.status) {
    case 'not_started':
      return { reason: 'notOpen', preEntryMinutes: row.preEntryMinutes };
    case 'ended':
      return { reason: 'ended' };
    case 'check_in_open':
    case 'in_progress':
      return null;
  }
}

/** The candidate's check-in page of one registration. */
export function checkInPath(registrationId: string): string {
  return `/candidate/registrations/${encodeURIComponent(registrationId)}/check-in`;
}
