import type { SessionUser } from '../../shared/api/auth.js';
import type { ReviewState } from '../../shared/enums.js';
import { adminScope } from '../admin/policy.js';
import { AppError } from '../errors/app-error.js';

/** Whose documents a reviewer sees: a school's candidates, or one college's for a college admin. */
export interface ReviewScope {
  schoolId: string;
  collegeId: string | null;
}

/** The review scope of an admin; platform admins review nothing (they belong to no school). */
export function reviewScope(user: SessionUser): ReviewScope {
  const scope = adminScope(user);
  if (!scope.schoolId) throw AppError.forbidden('platform admins do not review documents');
  return { schoolId: scope.schoolId, collegeId: scope.collegeId };
}

/** A reviewer sees candidates of their school, and a college admin only those of their college. */
export function canReviewCandidate(
  scope: ReviewScope,
  candidate: { schoolId: string | null; collegeId: string | null },
): boolean {
  if (candidate.schoolId !== scope.schoolId) return false;
  return scope.collegeId === null || candidate.collegeId === scope.collegeId;
}

/** The candidate may change their documents before submitting and after a rejection only. */
export function isEditable(state: ReviewState | null): boolean {
  return state === null || state === 'draft' || state === 'rejected';
}
