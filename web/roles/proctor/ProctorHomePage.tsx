import { StaffSessionsPage } from '../staff/StaffSessionsPage.js';

/** `/proctor`: the sessions this proctor watches. */
export function ProctorHomePage() {
  return <StaffSessionsPage />;
}
