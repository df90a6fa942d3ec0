import type { CheckInChangeFeed } from '../check-in/change-feed.js';
import { CheckInRepo } from '../check-in/repo.js';
import type { RouteDeps } from '../route-deps.js';
import { SessionRosterRepo } from '../roster/repo.js';
import { InterviewChangeFeed } from './change-feed.js';
import { ExaminerPresence } from './examiner-presence.js';
import { QueueService } from './queue-service.js';
import { InterviewRepo } from './repo.js';
import { InterviewService } from './service.js';

/** What the HTTP routes and the socket layer of one app share about the waiting room. */
export interface InterviewRuntime {
  repo: InterviewRepo;
  feed: InterviewChangeFeed;
  presence: ExaminerPresence;
  service: InterviewService;
  queue: QueueService;
}

/**
 * The waiting room's services of one app. buildApp makes it once and hands it to both the HTTP
 * routes and `attachRealtime`, so both meet the same examiner presence and change feed.
 */
export function createInterviewRuntime(
  deps: RouteDeps & { changes: CheckInChangeFeed },
): InterviewRuntime {
  const repo = new InterviewRepo(deps.db);
  const checkIns = new CheckInRepo(deps.db);
  const sessions = new SessionRosterRepo(deps.db);
  const feed = new InterviewChangeFeed();
  const presence = new ExaminerPresence(deps.clock);
  const runtime: InterviewRuntime = {
    repo,
    feed,
    presence,
    service: new InterviewService(repo, checkIns, sessions, {
      audit: deps.audit,
      clock: deps.clock,
      feed,
      presence,
    }),
    queue: new QueueService(repo, checkIns, sessions, deps.clock),
  };
  return runtime;
}
