import type {
  AdminExam,
  AdminSession,
  SessionStaff,
  StaffOption,
} from '../../shared/api/exam-admin.js';
import { examRulesSchema } from '../../shared/api/exams.js';
import type { ExamKind, StaffDuty } from '../../shared/enums.js';
import type { ExamRow, SessionRow, StaffUserRow } from './admin-repo.js';
import { sessionStatusAt } from './session-status.js';

/** Row -> DTO for one exam: an allow-list of fields. */
export function presentExam(
  row: ExamRow,
  collegeName: string | null,
  counts: { sessions: number; registrations: number },
): AdminExam {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    collegeId: row.collegeId,
    collegeName,
    // Read through the schema: an exam stored before a rule existed gets the rule's default
    // (the response's own check would refuse the missing key).
    rules: examRulesSchema.parse(row.rules),
    pledgeText: row.pledgeText,
    noticeText: row.noticeText,
    sessionCount: counts.sessions,
    registrationCount: counts.registrations,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One session with its status from the server clock. */
export function presentSession(
  row: SessionRow,
  now: Date,
  preEntryMinutes: number,
  counts: { candidates: number; staff: number },
): AdminSession {
  return {
    id: row.id,
    examId: row.examId,
    name: row.name,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: sessionStatusAt(now, row, preEntryMinutes),
    candidateCount: counts.candidates,
    staffCount: counts.staff,
  };
}

function presentOption(row: StaffUserRow): StaffOption | null {
  if (row.role !== 'examiner' && row.role !== 'proctor') return null;
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    role: row.role,
    collegeName: row.collegeName,
  };
}

/** A session's staff grouped by duty, with the people the form may offer. */
export function presentSessionStaff(
  sessionId: string,
  examKind: ExamKind,
  assignments: { userId: string; duty: StaffDuty }[],
  options: StaffUserRow[],
): SessionStaff {
  const withDuty = (duty: StaffDuty) =>
    assignments.filter((row) => row.duty === duty).map((row) => row.userId);
  return {
    sessionId,
    examKind,
    waitingExaminerIds: withDuty('waiting_examiner'),
    panelExaminerIds: withDuty('panel_examiner'),
    panelChairId: withDuty('panel_chair')[0] ?? null,
    proctorIds: withDuty('proctor'),
    markerIds: withDuty('marker'),
    options: options.map(presentOption).filter((option) => option !== null),
  };
}
