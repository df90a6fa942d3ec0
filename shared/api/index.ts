export * as authApi from './auth.js';
export * as orgApi from './org.js';
export * as examsApi from './exams.js';
export * as systemApi from './system.js';
