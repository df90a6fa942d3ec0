import type { FastifyInstance } from 'fastify';
import { eventSnapshot, uploadMyEventSnapshot } from '../../shared/api/attempt-evidence.js';
import {
  ATTEMPT_TIMELINE_REPORT_PATH,
  attemptTimelineReport,
  getAttemptTimeline,
} from '../../shared/api/attempt-timeline.js';
import { CheckInRepo } from '../check-in/repo.js';
import { registerDownload } from '../documents/routes.js';
import { registerRoute } from '../plugins/http-routes.js';
import { registerUploadRoute } from '../plugins/uploads.js';
import type { RouteDeps } from '../route-deps.js';
import { SessionRosterRepo } from '../roster/repo.js';
import { AttemptRepo } from '../written-exam/attempt-repo.js';
import { DEFAULT_ANSWER_GRACE_SECONDS } from '../written-exam/attempt-service.js';
import { OutageRepo } from '../written-exam/outage-repo.js';
import { EvidenceRepo } from './evidence-repo.js';
import { EvidenceService } from './evidence-service.js';
import { TimelineRepo } from './timeline-repo.js';
import { TimelineService } from './timeline-service.js';

/**
 * The evidence of a written attempt (issue 15): its timeline (§3), the page's JSON and the HTML
 * report, and the AI monitor's snapshots (§1), uploaded by the candidate's page, read by staff.
 */
export function registerProctoringRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  graceSeconds = DEFAULT_ANSWER_GRACE_SECONDS,
): void {
  const attempts = new AttemptRepo(deps.db);
  const checkIns = new CheckInRepo(deps.db);
  const sessions = new SessionRosterRepo(deps.db);
  const timelines = new TimelineService(
    new TimelineRepo(deps.db),
    attempts,
    checkIns,
    sessions,
    new OutageRepo(deps.db),
    deps,
  );
  const evidence = new EvidenceService(new EvidenceRepo(deps.db), attempts, checkIns, sessions, {
    ...deps,
    graceSeconds,
  });
  registerRoute(app, getAttemptTimeline, ({ auth, params, request }) =>
    timelines.view({ user: auth.user, ip: request.ip }, params.registrationId),
  );
  registerDownload(app, {
    path: ATTEMPT_TIMELINE_REPORT_PATH,
    summary:
      "One candidate's attempt timeline as a standalone HTML report (attachment, printable to PDF); audited",
    tags: ['proctoring'],
    roles: attemptTimelineReport.access,
    params: attemptTimelineReport.params,
    load: (auth, params, request) =>
      timelines.report({ user: auth.user, ip: request.ip }, params.registrationId),
  });
  registerUploadRoute(app, uploadMyEventSnapshot, ({ auth, params, upload }) =>
    evidence.upload(auth.user, params.registrationId, params.eventId, upload),
  );
  registerDownload(app, {
    path: eventSnapshot.path,
    summary: "The AI monitor's JPEG of one flag of a candidate's attempt (image/jpeg); audited",
    tags: ['proctoring'],
    roles: eventSnapshot.access,
    params: eventSnapshot.params,
    load: (auth, params, request) =>
      evidence.snapshot({ user: auth.user, ip: request.ip }, params.registrationId, params.eventId),
  });
}
