import type { SessionUser } from '../../shared/api/auth.js';
import { adminScope } from '../admin/policy.js';
import { AppError } from '../errors/app-error.js';
import type { ReportScope } from './repo.js';

/**
 * Which reports an admin handles: a school admin all of their school, a college admin those of
 * registrations of their college (the exam's college, else the candidate's own). Reports out of
 * scope answer NOT_FOUND, so their ids do not leak.
 */
export function reportScopeOf(user: SessionUser): ReportScope {
  const scope = adminScope(user);
  if (!scope.schoolId) throw AppError.forbidden('platform admins do not handle reports');
  return { schoolId: scope.schoolId, collegeId: scope.collegeId };
}
