import type { SessionUser } from '../../shared/api/auth.js';
import { maskIdNumber } from '../../shared/api/common.js';
import type { SessionRoster, SessionRosterEntry } from '../../shared/api/roster.js';
import type { IdentityStatus, ReviewState } from '../../shared/enums.js';
import { AppError } from '../errors/app-error.js';
import { canSeeSessionRoster } from './policy.js';
import type { SessionRosterRepo } from './repo.js';

/** 未上传 when nothing was uploaded, 草稿 when documents wait unsubmitted, else the review's state. */
export function identityStatusOf(
  review: ReviewState | null,
  hasDocuments: boolean,
): IdentityStatus {
  if (review !== null) return review;
  return hasDocuments ? 'draft' : 'not_uploaded';
}

/** The candidates of one session as its staff and admins see them. */
export class SessionRosterService {
  constructor(private readonly repo: SessionRosterRepo) {}

  async roster(user: SessionUser, sessionId: string): Promise<SessionRoster> {
    const session = await this.repo.findSession(sessionId);
    if (!session) throw AppError.notFound('session');
    const isStaff = user.role === 'examiner' || user.role === 'proctor';
    const isAssigned = isStaff && (await this.repo.isAssigned(sessionId, user.id));
    if (!canSeeSessionRoster(user, session, isAssigned)) throw AppError.notFound('session');

    const rows = await this.repo.entries(sessionId);
    const items = rows.map((row): SessionRosterEntry => ({
      registrationId: row.registrationId,
      userId: row.userId,
      candidateName: row.name,
      maskedIdNumber: row.idNumber === null ? null : maskIdNumber(row.idNumber),
      phone: row.phone,
      admissionNumber: row.admissionNumber,
      collegeName: row.collegeName,
      hasPhoto: row.photoFileId !== null,
      attendance: row.attendance,
      attendanceChangedAt: row.attendanceChangedAt?.toISOString() ?? null,
      identityStatus: identityStatusOf(row.reviewState, row.hasDocuments),
      identityConfirmedAt: row.identityConfirmedAt?.toISOString() ?? null,
      mockEntryCount: row.mockEntryCount,
    }));
    const count = (attendance: SessionRosterEntry['attendance']) =>
      items.filter((item) => item.attendance === attendance).length;
    return {
      sessionId: session.id,
      sessionName: session.name,
      examName: session.examName,
      counts: {
        total: items.length,
        confirmed: count('confirmed'),
        withdrawn: count('withdrawn'),
        pending: count('pending'),
      },
      items,
    };
  }
}
