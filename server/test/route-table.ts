import * as announcements from '../../shared/api/announcements.js';
import * as audit from '../../shared/api/audit.js';
import * as auth from '../../shared/api/auth.js';
import * as checkIn from '../../shared/api/check-in.js';
import type { RouteContract } from '../../shared/api/contract.js';
import * as documents from '../../shared/api/documents.js';
import * as examAdmin from '../../shared/api/exam-admin.js';
import * as exams from '../../shared/api/exams.js';
import * as identity from '../../shared/api/identity.js';
import * as interviews from '../../shared/api/interviews.js';
import * as media from '../../shared/api/media.js';
import * as org from '../../shared/api/org.js';
import * as people from '../../shared/api/people.js';
import * as phone from '../../shared/api/phone.js';
import * as roster from '../../shared/api/roster.js';
import * as scoring from '../../shared/api/scoring.js';
import * as system from '../../shared/api/system.js';
import * as ticketLookup from '../../shared/api/ticket-lookup.js';
import * as tickets from '../../shared/api/tickets.js';

// The API's route table as the shared code defines it (test helper): every contract of
// shared/api, and the binary downloads whose paths shared/api names but which answer files, not
// JSON. The OpenAPI document must list exactly these.

const MODULES = [
  announcements,
  audit,
  auth,
  checkIn,
  documents,
  examAdmin,
  exams,
  identity,
  interviews,
  media,
  org,
  people,
  phone,
  roster,
  scoring,
  system,
  ticketLookup,
  tickets,
];

/** GET routes that answer a file; each is registered by its domain's routes by hand. */
const BINARY_DOWNLOADS = [
  checkIn.FACE_SNAPSHOT_PATH,
  checkIn.SESSION_REFERENCE_PHOTO_PATH,
  documents.MY_DOCUMENT_FILE_PATH,
  documents.REVIEW_DOCUMENT_FILE_PATH,
  documents.REVIEW_CANDIDATE_PHOTO_PATH,
  roster.ROSTER_TEMPLATE_PATH,
  scoring.EXAM_RESULTS_XLSX_PATH,
  tickets.MY_PHOTO_PATH,
];

function isContract(value: unknown): value is RouteContract {
  return (
    typeof value === 'object' &&
    value !== null &&
    'method' in value &&
    'path' in value &&
    'response' in value
  );
}

/** `/api/a/:id` as OpenAPI writes it: `/api/a/{id}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

/** Every route as `METHOD /path` in OpenAPI's spelling, sorted. */
export function apiRouteTable(): string[] {
  const contracts = new Set(MODULES.flatMap((module) => Object.values(module).filter(isContract)));
  return [
    ...[...contracts].map((route) => `${route.method} ${openApiPath(route.path)}`),
    ...BINARY_DOWNLOADS.map((path) => `GET ${openApiPath(path)}`),
  ].sort();
}
