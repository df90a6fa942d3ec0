import { maskIdNumber, maskPhone } from '../../shared/api/common.js';
import type {
  IdentityCheck,
  MockEntry,
  MyRosterReport,
  RosterReportView,
} from '../../shared/api/info-confirmation.js';
import { sessionStatusAt } from '../exams/session-status.js';
import type { IdentityRow, ReportRow } from './repo.js';

type StoredReport = Pick<
  ReportRow,
  'id' | 'state' | 'message' | 'createdAt' | 'resolutionNote' | 'resolvedAt'
>;

/** A report as its own candidate sees it. */
export function presentMyReport(report: StoredReport): MyRosterReport {
  return {
    id: report.id,
    state: report.state,
    message: report.message,
    createdAt: report.createdAt.toISOString(),
    resolutionNote: report.resolutionNote,
    resolvedAt: report.resolvedAt?.toISOString() ?? null,
  };
}

/** Row -> 核对个人身份信息: an allow-list; the ID number and the phone leave only masked. */
export function presentIdentity(
  row: IdentityRow,
  latestReport: StoredReport | undefined,
  now: Date,
): IdentityCheck {
  return {
    registrationId: row.registrationId,
    candidateName: row.candidateName,
    maskedIdNumber: row.idNumber ? maskIdNumber(row.idNumber) : null,
    maskedPhone: row.phone ? maskPhone(row.phone) : null,
    collegeName: row.collegeName,
    examName: row.examName,
    sessionName: row.sessionName,
    admissionNumber: row.admissionNumber,
    hasPhoto: row.photoFileId !== null,
    status: sessionStatusAt(now, row, row.rules.preEntryMinutes),
    identityConfirmedAt: row.identityConfirmedAt?.toISOString() ?? null,
    latestReport: latestReport ? presentMyReport(latestReport) : null,
  };
}

/** What the 模拟考试 page needs after one entry was counted. */
export function presentMockEntry(
  row: IdentityRow,
  entry: { count: number; lastEnteredAt: Date },
  now: Date,
): MockEntry {
  const { rules } = row;
  return {
    registrationId: row.registrationId,
    count: entry.count,
    lastEnteredAt: entry.lastEnteredAt.toISOString(),
    examName: row.examName,
    examKind: row.examKind,
    sessionName: row.sessionName,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    attendance: row.attendance,
    rules: {
      durationMinutes: rules.durationMinutes,
      minMinutesBeforeSubmit: rules.minMinutesBeforeSubmit,
      secondCameraRequired: rules.secondCameraRequired,
      screenShareRequired: rules.screenShareRequired,
      preEntryMinutes: rules.preEntryMinutes,
    },
    noticeText: row.noticeText,
    serverTime: now.toISOString(),
  };
}

/** A report as admins list it: the ID number masked, the phone whole so they can call back. */
export function presentReport(row: ReportRow): RosterReportView {
  return {
    id: row.id,
    state: row.state,
    registrationId: row.registrationId,
    candidateName: row.candidateName,
    maskedIdNumber: row.idNumber ? maskIdNumber(row.idNumber) : null,
    phone: row.phone,
    collegeName: row.collegeName,
    examId: row.examId,
    examName: row.examName,
    sessionName: row.sessionName,
    admissionNumber: row.admissionNumber,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    resolutionNote: row.resolutionNote,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolverName: row.resolverName,
  };
}
