import type { FastifyInstance } from 'fastify';
import {
  ATTEMPT_TIMELINE_REPORT_PATH,
  attemptTimelineReport,
  getAttemptTimeline,
} from '../../shared/api/attempt-timeline.js';
import { CheckInRepo } from '../check-in/repo.js';
import { registerDownload } from '../documents/routes.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { SessionRosterRepo } from '../roster/repo.js';
import { AttemptRepo } from '../written-exam/attempt-repo.js';
import { OutageRepo } from '../written-exam/outage-repo.js';
import { TimelineRepo } from './timeline-repo.js';
import { TimelineService } from './timeline-service.js';

/** The evidence timeline of a written attempt (issue 15 §3): the page's JSON and the HTML report. */
export function registerProctoringRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const timelines = new TimelineService(
    new TimelineRepo(deps.db),
    new AttemptRepo(deps.db),
    new CheckInRepo(deps.db),
    new SessionRosterRepo(deps.db),
    new OutageRepo(deps.db),
    deps,
  );
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
}
