// The candidate's chunk: everything a candidate sees after login.
export { CandidateHomePage } from './CandidateHomePage.js';
export { DocumentsPage } from './documents/DocumentsPage.js';
export { MockExamPage } from './identity/MockExamPage.js';
export { CheckInPage } from './check-in/CheckInPage.js';
export { WaitingRoomPage } from './waiting-room/WaitingRoomPage.js';
