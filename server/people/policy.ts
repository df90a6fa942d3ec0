import {
  COLLEGE_MANAGED_ROLES,
  MANAGED_STAFF_ROLES,
  type ManagedStaffRole,
} from '../../shared/api/people.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { Role } from '../../shared/enums.js';
import { adminScope } from '../admin/policy.js';
import { AppError } from '../errors/app-error.js';

/** Where an admin manages people: always one school, and for a college admin one college. */
export interface PeopleScope {
  actorId: string;
  schoolId: string;
  collegeId: string | null;
}

export interface StaffTarget {
  id: string;
  schoolId: string | null;
  collegeId: string | null;
  role: Role;
}

/** Platform admins belong to no school; managing people of one is not offered to them yet. */
export function peopleScope(user: SessionUser): PeopleScope {
  const scope = adminScope(user);
  if (!scope.schoolId) throw AppError.forbidden('platform admins cannot manage school people yet');
  return { actorId: user.id, schoolId: scope.schoolId, collegeId: scope.collegeId };
}

export function isManagedRole(role: Role): role is ManagedStaffRole {
  return (MANAGED_STAFF_ROLES as readonly Role[]).includes(role);
}

/** Staff an admin sees: every staff member of the school, or of the college for a college admin. */
export function canSeeStaff(scope: PeopleScope, target: StaffTarget): boolean {
  if (!isManagedRole(target.role) || target.schoolId !== scope.schoolId) return false;
  return scope.collegeId === null || target.collegeId === scope.collegeId;
}

/** The roles this admin may create, disable or reset. */
export function manageableRoles(scope: PeopleScope): readonly ManagedStaffRole[] {
  return scope.collegeId === null ? MANAGED_STAFF_ROLES : COLLEGE_MANAGED_ROLES;
}

/** School admins manage every staff account of the school; college admins examiners and proctors. */
export function canManageStaff(scope: PeopleScope, target: StaffTarget): boolean {
  return (
    canSeeStaff(scope, target) && (manageableRoles(scope) as readonly Role[]).includes(target.role)
  );
}

/** College management is for school admins; a college admin only reads their own college. */
export function assertCanManageColleges(scope: PeopleScope): void {
  if (scope.collegeId !== null) throw AppError.forbidden();
}
