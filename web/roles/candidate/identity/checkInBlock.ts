import type { MyRegistration } from '../../../../shared/api/exams.js';

/**
 * The message key (under `candidateIdentity.actions`) of why the server says the check-in
 * cannot be used now; `finished` has none: the buttons are gone then.
 */
const BLOCK_MESSAGE_KEYS = {
  withdrawn: 'withdrawn',
  attendance_pending: 'attendancePending',
  identity_pending: 'identityPending',
  not_open: 'notOpen',
  ended: 'ended',
} as const;

/** The message key of a registration's check-in block, or null when none is shown. */
export function checkInBlockMessageKey(
  block: MyRegistration['checkInBlock'],
): (typeof BLOCK_MESSAGE_KEYS)[keyof typeof BLOCK_MESSAGE_KEYS] | null {
  return block === null || block === 'finished' ? null : BLOCK_MESSAGE_KEYS[block];
}

/** The candidate's check-in page of one registration. */
export function checkInPath(registrationId: string): string {
  return `/candidate/registrations/${encodeURIComponent(registrationId)}/check-in`;
}

/**
 * Where 进入候考区 leads: straight to the 候考区 once the candidate entered it, else to the
 * check-in, whose last step enters it.
 */
export function waitingRoomEntryPath(
  row: Pick<MyRegistration, 'registrationId' | 'standing'>,
): string {
  return row.standing === 'waiting' || row.standing === 'interviewing'
    ? `/candidate/registrations/${encodeURIComponent(row.registrationId)}/waiting-room`
    : checkInPath(row.registrationId);
}
