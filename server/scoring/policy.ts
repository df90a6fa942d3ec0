import type { StaffDuty } from '../../shared/enums.js';

/** What a staff member is on a session's panel: the chair (主考官), an examiner, or neither. */
export type PanelRole = 'chair' | 'examiner';

/**
 * Scoring is for the panel: the chair and the panel examiners. A waiting-room examiner or a
 * proctor of the same session has no panel role and cannot score.
 */
export function panelRoleOf(duties: readonly StaffDuty[]): PanelRole | null {
  if (duties.includes('panel_chair')) return 'chair';
  if (duties.includes('panel_examiner')) return 'examiner';
  return null;
}

/**
 * Examiners score independently: before the chair confirms, an examiner sees only their own
 * score; the chair sees them all, and after confirmation everyone on the panel does.
 */
export function seesAllScores(role: PanelRole, isConfirmed: boolean): boolean {
  return role === 'chair' || isConfirmed;
}
