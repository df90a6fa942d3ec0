import type { SessionUser } from '../../shared/api/auth.js';
import { AppError } from '../errors/app-error.js';
import { canManageExam, examAdminScope } from '../exams/admin-policy.js';

/**
 * The roster of an exam is managed by those who manage the exam: school admins for the whole
 * school, college admins for their college's exams. Anything else answers 404, so an admin
 * cannot probe exams outside their scope.
 */
export function assertManagesExam<E extends { schoolId: string; collegeId: string | null }>(
  user: SessionUser,
  exam: E | null,
): E {
  const scope = examAdminScope(user);
  if (!exam || !canManageExam(scope, exam)) throw AppError.notFound('exam');
  return exam;
}

/** The college a college admin is limited to when importing rows; null for school admins. */
export function importerCollegeOf(user: SessionUser): string | null {
  return examAdminScope(user).collegeId;
}

/**
 * A session roster is seen by admins who manage its exam, and by examiners and proctors
 * assigned to that very session.
 */
export function canSeeSessionRoster(
  user: SessionUser,
  session: { schoolId: string; collegeId: string | null },
  isAssigned: boolean,
): boolean {
  switch (user.role) {
    case 'school_admin':
    case 'college_admin':
      return canManageExam(examAdminScope(user), session);
    case 'examiner':
    case 'proctor':
      return isAssigned && user.schoolId === session.schoolId;
    case 'candidate':
    case 'platform_admin':
      return false;
  }
}
