// The candidate's chunk: everything a candidate sees after login.
export { CandidateHomePage } from './CandidateHomePage.js';
