import type { AdminScope } from '../admin/policy.js';

/** An admin who writes announcements: always within one school. */
export interface AnnouncementScope extends AdminScope {
  schoolId: string;
}

interface Target {
  schoolId: string;
  collegeId: string | null;
}

/** A school admin reads all of their school; a college admin theirs and the school-wide ones. */
export function canReadAnnouncement(scope: AnnouncementScope, target: Target): boolean {
  if (target.schoolId !== scope.schoolId) return false;
  return (
    scope.collegeId === null || target.collegeId === null || target.collegeId === scope.collegeId
  );
}

/**
 * A school admin writes for the school or any of its colleges; a college admin only for their own
 * college (never school-wide). The college's school is checked by the service.
 */
export function canWriteAnnouncement(scope: AnnouncementScope, target: Target): boolean {
  if (target.schoolId !== scope.schoolId) return false;
  return scope.collegeId === null || target.collegeId === scope.collegeId;
}
