import type { SessionUser } from '../../shared/api/auth.js';
import { AppError } from '../errors/app-error.js';
import { canSeeSessionRoster } from '../roster/policy.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import type { CheckInRegistration } from './repo.js';

/**
 * Who sees a session's check-ins (steps, snapshots, reference photos): the same people who see
 * its roster — admins who manage the exam, examiners and proctors assigned to that session.
 * Anyone else gets 404, so session ids cannot be probed.
 */
export async function assertSeesSessionCheckIns(
  sessions: SessionRosterRepo,
  user: SessionUser,
  sessionId: string,
) {
  return (await sessionWithDuties(sessions, user, sessionId)).session;
}

/**
 * The same check, answering the user's duties in the session too (none for admins): the waiting
 * room and the panel decide on them without reading the assignments again.
 */
export async function sessionWithDuties(
  sessions: SessionRosterRepo,
  user: SessionUser,
  sessionId: string,
) {
  const session = await sessions.findSession(sessionId);
  if (!session) throw AppError.notFound('session');
  const isStaff = user.role === 'examiner' || user.role === 'proctor';
  const duties = isStaff ? await sessions.dutiesOf(sessionId, user.id) : [];
  if (!canSeeSessionRoster(user, session, duties.length > 0)) throw AppError.notFound('session');
  return { session, duties };
}

/**
 * The candidate may run their own check-in once they confirmed attendance (确认参加) and their
 * roster data (确认信息). A withdrawn candidate may still read it (to be told why they cannot
 * enter), never change it.
 */
export function checkInRefusal(
  registration: Pick<CheckInRegistration, 'attendance' | 'identityConfirmedAt'>,
  purpose: 'read' | 'change',
): AppError | null {
  if (registration.attendance === 'withdrawn' && purpose === 'read') return null;
  if (registration.attendance !== 'confirmed' || registration.identityConfirmedAt === null) {
    return AppError.of('CHECK_IN_NOT_ALLOWED');
  }
  return null;
}
