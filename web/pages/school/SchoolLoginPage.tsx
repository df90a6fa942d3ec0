import { SchoolBoundary } from './SchoolBoundary.js';
import { SchoolLogin } from './SchoolLogin.js';

/** `/s/:slug`: the login page of one school (seeds 000 and 004). */
export function SchoolLoginPage() {
  return <SchoolBoundary>{(school) => <SchoolLogin school={school} />}</SchoolBoundary>;
}
