import type { SessionUser } from '../../shared/api/auth.js';
import type { StaffDuty } from '../../shared/enums.js';
import { AppError } from '../errors/app-error.js';

/** What a staff command on a ticket needs: the waiting room's, or the panel's duty. */
export type TicketRole = 'waiting_room' | 'panel';

const DUTIES_OF: Record<TicketRole, readonly StaffDuty[]> = {
  waiting_room: ['waiting_examiner'],
  panel: ['panel_examiner', 'panel_chair'],
};

/**
 * Staff commands on tickets are for examiners of the session with the matching duty: a panel
 * examiner cannot call, a waiting-room examiner cannot invite. Someone who cannot see the session
 * at all got 404 before this (session policy); here, seeing it without the duty is 403.
 */
export function assertHasDuty(
  user: SessionUser,
  duties: readonly StaffDuty[],
  role: TicketRole,
): void {
  const allowed = DUTIES_OF[role];
  if (user.role !== 'examiner' || !duties.some((duty) => allowed.includes(duty))) {
    throw AppError.of('DUTY_REQUIRED');
  }
}
