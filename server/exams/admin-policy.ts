import type { SessionUser } from '../../shared/api/auth.js';
import type { StaffDuty } from '../../shared/enums.js';
import { adminScope } from '../admin/policy.js';
import { AppError } from '../errors/app-error.js';

/** Where an admin manages exams: one school, or one college of it. */
export interface ExamAdminScope {
  schoolId: string;
  /** Set for college admins: only exams and staff of this college. */
  collegeId: string | null;
}

/** The exam-admin scope of a user; platform admins are refused until they pick a school. */
export function examAdminScope(user: SessionUser): ExamAdminScope {
  const scope = adminScope(user);
  if (!scope.schoolId) throw AppError.forbidden('platform admins do not manage exams yet');
  return { schoolId: scope.schoolId, collegeId: scope.collegeId };
}

/** A school admin manages every exam of the school, a college admin those of their college. */
export function canManageExam(
  scope: ExamAdminScope,
  target: { schoolId: string; collegeId: string | null },
): boolean {
  if (target.schoolId !== scope.schoolId) return false;
  return scope.collegeId === null || target.collegeId === scope.collegeId;
}

/**
 * The college an exam is saved with: a college admin's exams are always their college's (an
 * omitted college means theirs); another college is refused.
 */
export function examCollegeFor(scope: ExamAdminScope, requested: string | null): string | null {
  if (scope.collegeId === null) return requested;
  if (requested !== null && requested !== scope.collegeId) {
    throw AppError.forbidden('a college admin creates exams of their own college only');
  }
  return scope.collegeId;
}

/** The role a duty needs: examiner duties go to examiners, proctoring to proctors. */
export function roleForDuty(duty: StaffDuty): 'examiner' | 'proctor' {
  switch (duty) {
    case 'waiting_examiner':
    case 'panel_examiner':
    case 'panel_chair':
    case 'marker':
      return 'examiner';
    case 'proctor':
      return 'proctor';
  }
}

/**
 * Whether a user may take a duty in a session. A college admin may only bring in staff of their
 * college, but keeps school-wide staff someone already assigned (the demo's proctor) so saving
 * the form is never blocked by a person they cannot pick.
 */
export function canAssign(
  scope: ExamAdminScope,
  user: { role: string; schoolId: string | null; collegeId: string | null; disabled: boolean },
  duty: StaffDuty,
  isAlreadyAssigned: boolean,
): boolean {
  if (user.role !== roleForDuty(duty) || user.schoolId !== scope.schoolId) return false;
  if (isAlreadyAssigned) return true;
  if (user.disabled) return false;
  return scope.collegeId === null || user.collegeId === scope.collegeId;
}
