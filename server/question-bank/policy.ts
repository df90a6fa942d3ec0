import type { SessionUser } from '../../shared/api/auth.js';
import { AppError } from '../errors/app-error.js';
import { canManageExam, examAdminScope, type ExamAdminScope } from '../exams/admin-policy.js';

/** Where an admin manages the question bank: the school's, or one college's of it. */
export type BankScope = ExamAdminScope;

/** The bank scope of a user; platform admins are refused until they pick a school. */
export function bankScopeOf(user: SessionUser): BankScope {
  return examAdminScope(user);
}

/**
 * A school admin reaches every question and passage of the school, a college admin those of
 * their college. Anything else answers 404, so ids of other banks cannot be probed.
 */
export function assertInBank<R extends { schoolId: string; collegeId: string | null }>(
  scope: BankScope,
  row: R | null,
  what: 'question' | 'passage',
): R {
  if (!row || !canManageExam(scope, row)) throw AppError.notFound(what);
  return row;
}

/**
 * The college a question or passage is saved with: a college admin's are always their college's
 * (an omitted college means theirs); another college answers 404 like an unknown one.
 */
export function bankCollegeFor(scope: BankScope, requested: string | null): string | null {
  if (scope.collegeId === null) return requested;
  if (requested !== null && requested !== scope.collegeId) throw AppError.notFound('college');
  return scope.collegeId;
}
