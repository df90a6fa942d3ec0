export * from './org.js';
export * from './auth.js';
export * from './exams.js';
export * from './announcements.js';
export * from './documents.js';
export * from './check-in.js';
export * from './scoring.js';
export * from './interviews.js';
