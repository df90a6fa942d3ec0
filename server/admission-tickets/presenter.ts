import { maskIdNumber } from '../../shared/api/common.js';
import type { ExamRules, MyRegistration } from '../../shared/api/exams.js';
import type { TicketState } from '../../shared/api/interviews.js';
import type { AdmissionTicket } from '../../shared/api/tickets.js';
import { sessionStatusAt } from '../exams/session-status.js';
import { checkInBlockOf, standingOf } from './exam-progress.js';
import type { TicketRow } from './repo.js';

/** One registration as 我的考场 reads it (ExamsRepo.registrationsOfCandidate). */
export interface MyRegistrationRow extends Omit<
  MyRegistration,
  | 'startsAt'
  | 'endsAt'
  | 'identityConfirmedAt'
  | 'status'
  | 'preEntryMinutes'
  | 'standing'
  | 'checkInBlock'
> {
  rules: ExamRules;
  startsAt: Date;
  endsAt: Date;
  identityConfirmedAt: Date | null;
  /** The waiting-room ticket, null before 进入考试 and for other exams. */
  ticketState: TicketState | null;
}

/**
 * 我的考场: a registration with the session's status by the server clock, where the candidate
 * stands in it and whether the check-in may still be used (a finished interview: no more).
 */
export function presentMyRegistration(row: MyRegistrationRow, now: Date): MyRegistration {
  const { rules, ticketState, ...rest } = row;
  const status = sessionStatusAt(now, row, rules.preEntryMinutes);
  const facts = {
    sessionStatus: status,
    attendance: row.attendance,
    identityConfirmed: row.identityConfirmedAt !== null,
    ticketState,
  };
  return {
    ...rest,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    identityConfirmedAt: row.identityConfirmedAt?.toISOString() ?? null,
    preEntryMinutes: rules.preEntryMinutes,
    status,
    standing: standingOf(facts),
    checkInBlock: checkInBlockOf(facts),
  };
}

/** Row -> 准考证: an allow-list of fields; the ID number leaves only masked. */
export function presentTicket(row: TicketRow, now: Date): AdmissionTicket {
  const { rules } = row;
  return {
    registrationId: row.registrationId,
    schoolName: row.schoolName,
    examName: row.examName,
    examKind: row.examKind,
    sessionName: row.sessionName,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: sessionStatusAt(now, row, rules.preEntryMinutes),
    candidateName: row.candidateName,
    maskedIdNumber: row.idNumber ? maskIdNumber(row.idNumber) : null,
    admissionNumber: row.admissionNumber,
    collegeName: row.collegeName,
    rules: {
      durationMinutes: rules.durationMinutes,
      minMinutesBeforeSubmit: rules.minMinutesBeforeSubmit,
      secondCameraRequired: rules.secondCameraRequired,
      screenShareRequired: rules.screenShareRequired,
      preEntryMinutes: rules.preEntryMinutes,
    },
    noticeText: row.noticeText,
    attendance: row.attendance,
    attendanceChangedAt: row.attendanceChangedAt?.toISOString() ?? null,
    hasPhoto: row.photoFileId !== null,
    serverTime: now.toISOString(),
  };
}
