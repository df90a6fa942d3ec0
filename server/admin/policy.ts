import type { SessionUser } from '../../shared/api/auth.js';
import { AppError } from '../errors/app-error.js';

export interface AdminScope {
  /** null only for platform admins, who see every school. */
  schoolId: string | null;
  /** Set for college admins, who see only their college. */
  collegeId: string | null;
}

/** What part of the data an admin may see: a platform, a school or one college. */
export function adminScope(user: SessionUser): AdminScope {
  switch (user.role) {
    case 'platform_admin':
      return { schoolId: null, collegeId: null };
    case 'school_admin':
      if (!user.schoolId) throw AppError.forbidden();
      return { schoolId: user.schoolId, collegeId: null };
    case 'college_admin':
      if (!user.schoolId || !user.collegeId) throw AppError.forbidden();
      return { schoolId: user.schoolId, collegeId: user.collegeId };
    case 'candidate':
    case 'examiner':
    case 'proctor':
      throw AppError.forbidden();
  }
}
