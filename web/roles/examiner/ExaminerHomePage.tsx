import { StaffSessionsPage } from '../staff/StaffSessionsPage.js';

/** `/examiner`: the sessions this examiner waits, examines or chairs in. */
export function ExaminerHomePage() {
  return <StaffSessionsPage />;
}
