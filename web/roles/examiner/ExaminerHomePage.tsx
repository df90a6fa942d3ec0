import { StaffSessionsPage } from '../staff/StaffSessionsPage.js';
import { MarkerExamsCard } from './marking/MarkerExamsCard.js';

/** `/examiner`: the sessions this examiner waits, examines or chairs in, and the exams they mark. */
export function ExaminerHomePage() {
  return (
    <StaffSessionsPage>
      <MarkerExamsCard />
    </StaffSessionsPage>
  );
}
