// The examiner's chunk.
export { ExaminerHomePage } from './ExaminerHomePage.js';
