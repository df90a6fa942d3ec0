// The admins' chunk (college, school and platform administrators).
export { AdminHomePage } from './AdminHomePage.js';
export { AdminLayout } from './AdminLayout.js';
export { PeoplePage } from './people/PeoplePage.js';
export { ExamsPage } from './exams/ExamsPage.js';
export { AnnouncementsPage } from './announcements/AnnouncementsPage.js';
export { AuditLogPage } from './audit/AuditLogPage.js';
export { RosterPage } from './roster/RosterPage.js';
export { QuestionBankPage } from './question-bank/QuestionBankPage.js';
export { ReviewsPage } from './reviews/ReviewsPage.js';
export { RosterReportsPage } from './reports/RosterReportsPage.js';
export { SessionCheckInPage } from '../staff/check-in/SessionCheckInPage.js';
