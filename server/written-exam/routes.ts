import type { FastifyInstance } from 'fastify';
import { recordMyAttemptEvents } from '../../shared/api/attempt-events.js';
import { confirmMyAttemptWarning, sendAttemptWarning } from '../../shared/api/attempt-warnings.js';
import {
  addAttemptTime,
  forceSubmitAttempt,
  listSessionAttempts,
} from '../../shared/api/attempt-progress.js';
import * as contracts from '../../shared/api/written-exam.js';
import { checkMyFaceAtSubmit } from '../../shared/api/submit-face.js';
import { FaceCheckService } from '../check-in/face-check-service.js';
import { CheckInRepo } from '../check-in/repo.js';
import type { CheckInDeps } from '../check-in/routes.js';
import { registerRoute } from '../plugins/http-routes.js';
import type { RouteDeps } from '../route-deps.js';
import { AnswerStore } from './answer-store.js';
import type { AttemptChangeFeed } from './attempt-change-feed.js';
import { AttemptEventRepo } from './attempt-event-repo.js';
import { AttemptEventService } from './attempt-event-service.js';
import { AttemptRepo } from './attempt-repo.js';
import { AttemptService, DEFAULT_ANSWER_GRACE_SECONDS } from './attempt-service.js';
import { DeadlineSweep } from './deadline-sweep.js';
import { mockAttemptService, registerMockAttemptRoutes } from './mock-routes.js';
import { AttemptProgressService } from './progress-service.js';
import { OutageRepo } from './outage-repo.js';
import { OutageService } from './outage-service.js';
import { SubmitFaceGate, SubmitFaceService } from './submit-face.js';
import { SessionRosterRepo } from '../roster/repo.js';
import { WarningRepo } from './warning-repo.js';
import { WarningService } from './warning-service.js';

export interface WrittenExamOptions {
  /** How often the server submits what is due (deadline, inactivity); no sweep when null. */
  deadlineSweepMs: number | null;
  /** How long after the deadline answers held up by the network are still taken, marked late. */
  answerGraceSeconds: number;
  /** Where a candidate's attempt changed under them is told (the realtime layer listens). */
  attemptChanges?: AttemptChangeFeed;
}

/** The attempt service and the deadline sweep over one database, as one node runs them. */
export function writtenExamServices(
  deps: Pick<RouteDeps, 'db' | 'clock' | 'audit'>,
  answerGraceSeconds = DEFAULT_ANSWER_GRACE_SECONDS,
  attemptChanges?: AttemptChangeFeed,
) {
  const repo = new AttemptRepo(deps.db);
  const eventRepo = new AttemptEventRepo(deps.db);
  const submitFace = new SubmitFaceGate(deps.db, deps.clock);
  const warningRepo = new WarningRepo(deps.db);
  const service = new AttemptService(repo, new CheckInRepo(deps.db), new AnswerStore(deps.db), {
    ...deps,
    answerGraceSeconds,
    submitFace,
    warnings: warningRepo,
  });
  const mocks = mockAttemptService(deps, repo, answerGraceSeconds);
  const outageRepo = new OutageRepo(deps.db);
  const outages = new OutageService(outageRepo, new CheckInRepo(deps.db), deps);
  const sweep = new DeadlineSweep(
    repo,
    service,
    () => deps.clock.now(),
    answerGraceSeconds,
    mocks,
    outages,
  );
  const changeDeps = {
    ...deps,
    onAttemptChanged: (registrationId: string) => attemptChanges?.publish(registrationId),
  };
  const progress = new AttemptProgressService(
    repo,
    new AnswerStore(deps.db),
    new CheckInRepo(deps.db),
    new SessionRosterRepo(deps.db),
    changeDeps,
    eventRepo,
    outageRepo,
    service,
    warningRepo,
  );
  const warnings = new WarningService(
    warningRepo,
    repo,
    new CheckInRepo(deps.db),
    new SessionRosterRepo(deps.db),
    progress,
    changeDeps,
  );
  const events = new AttemptEventService(repo, eventRepo, {
    ...deps,
    answerGraceSeconds,
    pageSeen: (registrationId, at) => outages.seen([{ registrationId, at }], true),
  });
  return { service, sweep, progress, repo, submitFace, mocks, events, outages, warnings };
}

/**
 * The candidate's written exam: the attempt, its autosave and 交卷 (issue 14), and the sweep
 * that submits at the deadline even with every browser closed (stopped with the app).
 */
export function registerWrittenExamRoutes(
  app: FastifyInstance,
  deps: CheckInDeps,
  options: WrittenExamOptions,
): void {
  const { service, sweep, progress, repo, submitFace, mocks, events, warnings } =
    writtenExamServices(deps, options.answerGraceSeconds, options.attemptChanges);
  const faceAtSubmit = new SubmitFaceService(
    new CheckInRepo(deps.db),
    repo,
    new FaceCheckService(deps),
    submitFace,
  );
  if (options.deadlineSweepMs !== null) {
    const interval = options.deadlineSweepMs;
    app.addHook('onReady', () => {
      sweep.start(interval, (error: unknown) => {
        app.log.error({ err: error }, 'the deadline sweep failed; it runs again at the next tick');
      });
    });
    app.addHook('onClose', () => sweep.stop());
  }
  registerRoute(app, contracts.getMyAttempt, ({ auth, params }) =>
    service.mine(auth.user, params.registrationId),
  );
  registerRoute(app, contracts.startMyAttempt, ({ auth, params, request }) =>
    service.start({ user: auth.user, ip: request.ip }, params.registrationId),
  );
  registerRoute(app, contracts.saveMyAnswer, ({ auth, params, body }) =>
    service.save(auth.user, params.registrationId, params.paperQuestionId, body),
  );
  registerRoute(app, recordMyAttemptEvents, ({ auth, params, body }) =>
    events.record(auth.user, params.registrationId, body.events),
  );
  registerRoute(app, listSessionAttempts, ({ auth, params }) =>
    progress.list(auth.user, params.sessionId),
  );
  registerRoute(app, addAttemptTime, ({ auth, params, body, request }) =>
    progress.addTime({ user: auth.user, ip: request.ip }, params.registrationId, body.minutes),
  );
  registerRoute(app, forceSubmitAttempt, ({ auth, params, body, request }) =>
    progress.forceSubmit({ user: auth.user, ip: request.ip }, params.registrationId, body.reason),
  );
  registerRoute(app, sendAttemptWarning, ({ auth, params, body, request }) =>
    warnings.send({ user: auth.user, ip: request.ip }, params.registrationId, body.text),
  );
  registerRoute(app, confirmMyAttemptWarning, ({ auth, params, request }) =>
    warnings.confirm({ user: auth.user, ip: request.ip }, params.registrationId, params.warningId),
  );
  registerRoute(app, checkMyFaceAtSubmit, ({ auth, params, body, request }) =>
    faceAtSubmit.check({ user: auth.user, ip: request.ip }, params.registrationId, body.image),
  );
  registerRoute(app, contracts.submitMyAttempt, ({ auth, params, request }) =>
    service.submit({ user: auth.user, ip: request.ip }, params.registrationId),
  );
  registerMockAttemptRoutes(app, mocks);
}
