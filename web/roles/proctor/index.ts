// The proctor's chunk.
export { ProctorHomePage } from './ProctorHomePage.js';
