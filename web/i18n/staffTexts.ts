// The texts of the staff's and the admin's pages, added to the catalogue when the router loads one
// of those pages, together with candidateTexts.ts (the admin shows candidates' tags): neither the
// login page nor a candidate downloads them.
import { en as adminPeopleEN, zh as adminPeopleZH } from '../roles/admin/people/messages.js';
import { en as adminExamsEN, zh as adminExamsZH } from '../roles/admin/exams/messages.js';
import { en as adminAuditEN, zh as adminAuditZH } from '../roles/admin/audit/messages.js';
import { en as adminRosterEN, zh as adminRosterZH } from '../roles/admin/roster/messages.js';
import { en as adminReviewsEN, zh as adminReviewsZH } from '../roles/admin/reviews/messages.js';
import { en as adminReportsEN, zh as adminReportsZH } from '../roles/admin/reports/messages.js';
import { en as adminScoringEN, zh as adminScoringZH } from '../roles/admin/scoring/messages.js';
import { en as adminAlertsEN, zh as adminAlertsZH } from '../roles/admin/alerts/messages.js';
import { en as writtenMarkingEN, zh as writtenMarkingZH } from '../roles/admin/marking/messages.js';
import { en as paperEditorEN, zh as paperEditorZH } from '../roles/admin/papers/messages.js';
import {
  en as questionBankEN,
  zh as questionBankZH,
} from '../roles/admin/question-bank/messages.js';
import { en as staffCheckInEN, zh as staffCheckInZH } from '../roles/staff/check-in/messages.js';
import { en as staffScoringEN, zh as staffScoringZH } from '../roles/staff/scoring/messages.js';
import {
  en as staffWaitingRoomEN,
  zh as staffWaitingRoomZH,
} from '../roles/staff/waiting-room/messages.js';
import { en as staffPanelEN, zh as staffPanelZH } from '../roles/staff/panel/messages.js';
import { en as staffAttemptsEN, zh as staffAttemptsZH } from '../roles/staff/attempts/messages.js';
import { en as staffTimelineEN, zh as staffTimelineZH } from '../roles/staff/timeline/messages.js';
import { en as staffConsoleEN, zh as staffConsoleZH } from '../roles/staff/console/messages.js';
import { registerTexts } from './index.js';

const zh = {
  adminPeople: adminPeopleZH,
  adminExams: adminExamsZH,
  adminAudit: adminAuditZH,
  adminRoster: adminRosterZH,
  adminReviews: adminReviewsZH,
  adminReports: adminReportsZH,
  adminScoring: adminScoringZH,
  adminAlerts: adminAlertsZH,
  writtenMarking: writtenMarkingZH,
  paperEditor: paperEditorZH,
  questionBank: questionBankZH,
  staffCheckIn: staffCheckInZH,
  staffScoring: staffScoringZH,
  staffWaitingRoom: staffWaitingRoomZH,
  staffPanel: staffPanelZH,
  staffAttempts: staffAttemptsZH,
  staffTimeline: staffTimelineZH,
  staffConsole: staffConsoleZH,
};
const en: typeof zh = {
  adminPeople: adminPeopleEN,
  adminExams: adminExamsEN,
  adminAudit: adminAuditEN,
  adminRoster: adminRosterEN,
  adminReviews: adminReviewsEN,
  adminReports: adminReportsEN,
  adminScoring: adminScoringEN,
  adminAlerts: adminAlertsEN,
  writtenMarking: writtenMarkingEN,
  paperEditor: paperEditorEN,
  questionBank: questionBankEN,
  staffCheckIn: staffCheckInEN,
  staffScoring: staffScoringEN,
  staffWaitingRoom: staffWaitingRoomEN,
  staffPanel: staffPanelEN,
  staffAttempts: staffAttemptsEN,
  staffTimeline: staffTimelineEN,
  staffConsole: staffConsoleEN,
};

registerTexts(zh, en);

export type StaffMessages = typeof zh;
