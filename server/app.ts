import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { registerAdminOverview } from './admin/overview.js';
import { registerAnnouncementRoutes } from './announcements/routes.js';
import { registerAuditRoutes } from './audit/routes.js';
import { AuditLog } from './audit/audit-log.js';
import { AuthRepo } from './auth/repo.js';
import { registerAuthRoutes } from './auth/routes.js';
import { AuthService } from './auth/service.js';
import { CaptchaService, svgCaptchaGenerator, type CaptchaGenerator } from './auth/captcha.js';
import { TicketLookupRepo, TicketLookupService } from './auth/ticket-lookup.js';
import { LoginGuard } from './auth/login-guard.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { argon2Hasher, PasswordChecker, type PasswordHasher } from './auth/passwords.js';
import { PasswordResetService } from './auth/password-reset.js';
import { TrustedDevices } from './auth/trusted-device.js';
import { installSessions } from './auth/session-plugin.js';
import { SmsCodeService } from './auth/sms-codes.js';
import { ConsoleSmsSender } from './auth/sms/console-sender.js';
import type { SmsSender } from './auth/sms/sms-sender.js';
import { systemClock, type Clock } from './clock.js';
import type { DatabaseHandle } from './db/client.js';
import { ExamsRepo } from './exams/repo.js';
import { registerExamAdminRoutes } from './exams/admin-routes.js';
import { registerExamRoutes } from './exams/routes.js';
import type { FileStorage } from './files/storage.js';
import { registerPeopleRoutes } from './people/routes.js';
import { registerOrgRoutes } from './org/routes.js';
import { registerSchoolSettingsRoutes } from './org/school-settings.js';
import { answerFrameworkError, installErrorHandler } from './plugins/error-handler.js';
import { logSerializers } from './plugins/log-errors.js';
import { storableTextValidatorCompiler } from './plugins/http-routes.js';
import { registerOpenApi } from './plugins/openapi.js';
import { installUploadParser } from './plugins/uploads.js';
import { installNotFound } from './plugins/web-app.js';
import type { RouteDeps } from './route-deps.js';
import { registerMetrics, registerSystemRoutes } from './system/routes.js';
import { ServiceHealth } from './system/health.js';
import type { StatusDeps } from './system/status.js';
import { MonitoredStorage } from './files/monitored-storage.js';
import { installRateLimits } from './plugins/rate-limit.js';
import { registerTicketRoutes } from './admission-tickets/routes.js';
import { DEFAULT_DOCUMENT_LIMITS } from './documents/limits.js';
import { registerAnswerFileRoutes } from './answer-files/routes.js';
import { registerDocumentRoutes } from './documents/routes.js';
import { registerIdentityRoutes } from './info-confirmation/routes.js';
import { registerRosterRoutes } from './roster/routes.js';
import type { DocumentLimits } from '../shared/api/documents.js';
import { CheckInChangeFeed } from './check-in/change-feed.js';
import type { FaceMatcher } from './check-in/face-matcher-port.js';
import { registerCheckInRoutes, type CheckInDeps } from './check-in/routes.js';
import { registerPaperRoutes } from './papers/routes.js';
import { registerProctoringRoutes } from './proctoring/routes.js';
import { DEFAULT_ANSWER_GRACE_SECONDS } from './written-exam/attempt-service.js';
import { registerWrittenExamRoutes } from './written-exam/routes.js';
import { AttemptChangeFeed } from './written-exam/attempt-change-feed.js';
import { registerQuestionBankRoutes } from './question-bank/routes.js';
import { registerPhoneRoutes } from './phone/routes.js';
import { registerInterviewRoutes } from './interviews/routes.js';
import { createInterviewRuntime } from './interviews/runtime.js';
import { registerScoringRoutes } from './scoring/routes.js';
import { registerMarkingRoutes } from './marking/routes.js';
import { NO_ICE_SERVERS, type IceConfig } from './media/ice-servers.js';
import { DEFAULT_MEDIA_BUDGET, type MediaBudget } from '../shared/api/media.js';
import { registerMediaRoutes } from './media/routes.js';
import { registerVisionAssets } from './plugins/vision-assets.js';
import { attachRealtime } from './realtime/socket-server.js';
import { createHumanFaceMatcher } from './vision/human-face-matcher.js';

export interface AppConfig {
  isDemo: boolean;
  appSecret: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  trustProxy: boolean;
  authRateLimitPerMinute: number;
  /** Built web app to serve, if any. */
  webDistDir: string | null;
  /** Redis for state shared by several nodes (rate limits now); in-process when null. */
  redisUrl: string | null;
  /** Prefix of every Redis key, so deployments (and test runs) sharing a Redis stay apart. */
  redisKeyPrefix: string;
  /** How many identity documents a candidate may upload and how large each kind may be. */
  documentLimits?: DocumentLimits;
  /** STUN/TURN servers for WebRTC (main.ts reads STUN_URLS and TURN_*); none when absent. */
  ice?: IceConfig;
  /** The caps of every WebRTC sender (MEDIA_BUDGET); the defaults when absent. */
  mediaBudget?: MediaBudget;
  /** How often written-exam attempts that are due get submitted; no sweep when absent (tests). */
  deadlineSweepMs?: number;
  /** ANSWER_GRACE_SECONDS: answers taken this long after the deadline, marked late. */
  answerGraceSeconds?: number;
}

export interface AppDeps {
  config: AppConfig;
  database: DatabaseHandle;
  smsSender: SmsSender;
  storage: FileStorage;
  clock?: Clock;
  /** Draws the picture codes (图形验证码); tests pass one with a known answer. */
  captcha?: CaptchaGenerator;
  /** Hashes and checks passwords (argon2id); tests pass one that counts the checks. */
  passwordHasher?: PasswordHasher;
  /** Compares face snapshots with reference photos; the Human engine unless a test passes one. */
  faceMatcher?: FaceMatcher;
  /** A pino logger; tests pass none and get silence. */
  loggerInstance?: FastifyServerOptions['loggerInstance'];
}

/** Builds the whole server without listening, so tests can use `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    // Query values never reach the log, whoever logs an error (log-errors.ts).
    ...(deps.loggerInstance
      ? { loggerInstance: deps.loggerInstance.child({}, { serializers: logSerializers }) }
      : { logger: false }),
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: answerFrameworkError,
  });
  app.setValidatorCompiler(storableTextValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onClose', async () => {
    await database.close();
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  const health = new ServiceHealth(clock);
  const storage = new MonitoredStorage(deps.storage, health);
  const status: StatusDeps = { database, storage, health };
  registerMetrics(app, status);
  await installRateLimits(app, {
    redisUrl: config.redisUrl,
    keyPrefix: config.redisKeyPrefix,
    health,
  });
  await registerOpenApi(app);

  const db = database.db;
  const audit = new AuditLog(db, clock);
  const smsCodes = new SmsCodeService(db, clock, deps.smsSender, config.appSecret, app.log);
  const captchas = new CaptchaService(
    db,
    clock,
    deps.captcha ?? svgCaptchaGenerator,
    config.appSecret,
  );
  const loginGuard = new LoginGuard(
    new LoginThrottle(db, clock, captchas),
    new TrustedDevices(config.appSecret),
    audit,
  );
  const hasher = deps.passwordHasher ?? argon2Hasher;
  const authRepo = new AuthRepo(db);
  const auth = new AuthService(
    authRepo,
    smsCodes,
    audit,
    clock,
    config.sessionTtlHours,
    new PasswordChecker(hasher),
    loginGuard,
  );
  const passwordReset = new PasswordResetService(
    authRepo,
    smsCodes,
    audit,
    clock,
    hasher,
    config.appSecret,
    loginGuard,
  );
  const cookies = { secure: config.cookieSecure, ttlHours: config.sessionTtlHours };
  const ticketLookup = new TicketLookupService(new TicketLookupRepo(db), captchas, auth);
  const examsRepo = new ExamsRepo(db);
  const checkInDeps: CheckInDeps = {
    db,
    clock,
    audit,
    storage,
    faceMatcher: deps.faceMatcher ?? createHumanFaceMatcher(),
    changes: new CheckInChangeFeed(),
  };
  const interviews = createInterviewRuntime(checkInDeps);
  const attemptChanges = new AttemptChangeFeed();
  const outbox =
    config.isDemo && deps.smsSender instanceof ConsoleSmsSender ? deps.smsSender : null;

  await app.register((api, _options, done) => {
    installSessions(api, auth, cookies);
    installUploadParser(api);
    registerSystemRoutes(api, status, clock, outbox);
    registerAuthRoutes(api, { auth, ticketLookup, passwordReset, captchas }, cookies, {
      max: config.authRateLimitPerMinute,
      timeWindow: 60_000,
    });
    registerOrgRoutes(api, db, config.isDemo);
    registerExamRoutes(api, examsRepo, clock);
    registerAdminOverview(api, db, examsRepo, clock);
    const routeDeps: RouteDeps = { db, clock, audit, storage };
    registerPeopleRoutes(api, routeDeps, loginGuard, authRepo.sessions);
    registerSchoolSettingsRoutes(api, routeDeps, authRepo.sessions);
    registerExamAdminRoutes(api, routeDeps);
    registerAnnouncementRoutes(api, routeDeps);
    registerAuditRoutes(api, routeDeps);
    registerTicketRoutes(api, routeDeps);
    registerRosterRoutes(api, routeDeps);
    registerDocumentRoutes(api, routeDeps, config.documentLimits ?? DEFAULT_DOCUMENT_LIMITS);
    registerIdentityRoutes(api, routeDeps);
    registerCheckInRoutes(api, checkInDeps);
    registerInterviewRoutes(api, interviews);
    registerPhoneRoutes(api, checkInDeps, { cookieSecure: config.cookieSecure });
    registerScoringRoutes(api, routeDeps);
    registerMarkingRoutes(api, routeDeps);
    registerQuestionBankRoutes(api, routeDeps);
    registerPaperRoutes(api, routeDeps);
    registerWrittenExamRoutes(api, checkInDeps, {
      deadlineSweepMs: config.deadlineSweepMs ?? null,
      answerGraceSeconds: config.answerGraceSeconds ?? DEFAULT_ANSWER_GRACE_SECONDS,
      attemptChanges,
    });
    registerProctoringRoutes(
      api,
      routeDeps,
      config.answerGraceSeconds ?? DEFAULT_ANSWER_GRACE_SECONDS,
    );
    registerAnswerFileRoutes(
      api,
      routeDeps,
      config.answerGraceSeconds ?? DEFAULT_ANSWER_GRACE_SECONDS,
    );
    registerMediaRoutes(api, checkInDeps, {
      ice: config.ice ?? NO_ICE_SERVERS,
      budget: config.mediaBudget ?? DEFAULT_MEDIA_BUDGET,
    });
    done();
  });
  await registerVisionAssets(app);
  attachRealtime(app, {
    ...checkInDeps,
    auth,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    trustProxy: config.trustProxy,
    interviews,
    attemptChanges,
  });

  await installNotFound(app, config.webDistDir);
  return app;
}
