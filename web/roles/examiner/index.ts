// The examiner's chunk.
export { ExaminerHomePage } from './ExaminerHomePage.js';
export { SessionCheckInPage } from '../staff/check-in/SessionCheckInPage.js';
