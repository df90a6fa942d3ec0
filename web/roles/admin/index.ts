// The admins' chunk (college, school and platform administrators).
export { AdminHomePage } from './AdminHomePage.js';
export { AdminLayout } from './AdminLayout.js';
