import type { AdminCollege, StaffMember } from '../../shared/api/people.js';
import type { CollegeRow, HeadCounts, StaffRow } from './repo.js';
import { canManageStaff, isManagedRole, type PeopleScope } from './policy.js';

export function presentCollege(row: CollegeRow, counts: HeadCounts | undefined): AdminCollege {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    disabled: row.disabled,
    candidateCount: counts?.candidates ?? 0,
    staffCount: counts?.staff ?? 0,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A staff account as an admin sees it: never the password hash or login counters. */
export function presentStaff(
  row: StaffRow,
  scope: PeopleScope,
  loginRestricted: boolean,
): StaffMember {
  if (!isManagedRole(row.role)) throw new Error(`not a managed staff role: ${row.role}`);
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    phone: row.phone,
    role: row.role,
    collegeId: row.collegeId,
    collegeName: row.collegeName,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    loginRestricted,
    createdAt: row.createdAt.toISOString(),
    canManage: canManageStaff(scope, row) && row.id !== scope.actorId,
  };
}
