// The proctor's chunk.
export { ProctorHomePage } from './ProctorHomePage.js';
export { SessionCheckInPage } from '../staff/check-in/SessionCheckInPage.js';
