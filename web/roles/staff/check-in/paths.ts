import type { Role } from '../../../../shared/enums.js';

/** The area each staff role's pages live under; roles without a check-in view have none. */
const BASE_BY_ROLE: Partial<Record<Role, string>> = {
  examiner: '/examiner',
  proctor: '/proctor',
  school_admin: '/admin',
  college_admin: '/admin',
};

/** `/<area>/sessions/:sessionId/check-in` for this role, or null when it has no such view. */
export function sessionCheckInPath(role: Role, sessionId: string): string | null {
  const base = BASE_BY_ROLE[role];
  return base ? `${base}/sessions/${encodeURIComponent(sessionId)}/check-in` : null;
}

/** `/<area>/sessions/:sessionId/attempts` (a written session's progress), or null. */
export function sessionAttemptsPath(role: Role, sessionId: string): string | null {
  const base = BASE_BY_ROLE[role];
  return base ? `${base}/sessions/${encodeURIComponent(sessionId)}/attempts` : null;
}

/** Where the page's back link leads: the staff home, or the admin's exams. */
export function checkInBackPath(role: Role): string {
  return role === 'examiner' || role === 'proctor' ? `/${role}` : '/admin/exams';
}
