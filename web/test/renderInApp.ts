// The one render helper is `render` in ./render.js. This old name stays only while the call's
// tests (web/call/, web/roles/staff/call/, being changed by their owners right now) import it:
// switch those imports to `render` from test/render.js, then delete this file.
export { render as renderInApp } from './render.js';
