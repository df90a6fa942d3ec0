// The phone's chunk: the second-camera page, nothing else.
export { PhonePage } from './PhonePage.js';
