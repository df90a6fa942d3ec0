// The examiner's chunk.
export { ExaminerHomePage } from './ExaminerHomePage.js';
export { SessionCheckInPage } from '../staff/check-in/SessionCheckInPage.js';
export { PanelPage } from '../staff/panel/PanelPage.js';
export { WaitingRoomQueuePage } from '../staff/waiting-room/WaitingRoomQueuePage.js';
export { ExaminerMarkingPage } from './marking/ExaminerMarkingPage.js';
