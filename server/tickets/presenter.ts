import { maskIdNumber } from '../../shared/api/common.js';
import type { AdmissionTicket } from '../../shared/api/tickets.js';
import { sessionStatusAt } from '../exams/session-status.js';
import type { TicketRow } from './repo.js';

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
