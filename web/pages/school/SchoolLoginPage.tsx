import { SchoolBoundary } from './SchoolBoundary.js';
import { SchoolLogin } from './SchoolLogin.js';

/** `/s/:slug`: the login page of one school (docs/journeys.md J1/J5). */
export function SchoolLoginPage() {
  return <SchoolBoundary>{(school) => <SchoolLogin school={school} />}</SchoolBoundary>;
}
