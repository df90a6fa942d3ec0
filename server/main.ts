import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { buildApp } from './app.js';
import { createSmsSender } from './auth/sms/create-sender.js';
import { systemClock } from './clock.js';
import { openDatabase } from './db/client.js';
import { seedDemo } from './demo/seed.js';
import { printDemoBanner } from './demo/banner.js';
import { documentLimitsFrom } from './documents/limits.js';
import { iceConfigFromEnv } from './media/ice-servers.js';
import { mediaBudgetFromEnv } from './media/media-budget.js';
import { loadEnv } from './env.js';
import { LocalFolderStorage } from './files/storage.js';
import { logSerializers } from './plugins/log-errors.js';
import { loadAppSecret } from './secret.js';

/** Reads the environment, prepares the database, and serves the API and the web app. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const env = loadEnv();
  const isDemo = env.DEMO ?? !env.DATABASE_URL;
  const logger = pino({
    level: env.LOG_LEVEL,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    serializers: logSerializers,
  });

  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    onIdleError: (error) => logger.warn({ err: error }, 'idle database connection lost'),
  });
  await database.migrate();
  const storage = new LocalFolderStorage(`${env.DATA_DIR}/files`);
  const seeded = isDemo ? await seedDemo(database.db, storage, systemClock) : false;

  // Bundled, this file is dist/server/main.js; from source (npm run dev) it is server/main.ts.
  const webDist = fileURLToPath(
    new URL(import.meta.url.includes('/dist/server/') ? '../web' : '../dist/web', import.meta.url),
  );
  const app = await buildApp({
    config: {
      isDemo,
      appSecret: loadAppSecret(env.APP_SECRET, env.DATA_DIR),
      cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
      sessionTtlHours: env.SESSION_TTL_HOURS,
      trustProxy: env.TRUST_PROXY,
      authRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
      webDistDir: existsSync(webDist) ? webDist : null,
      redisUrl: env.REDIS_URL ?? null,
      redisKeyPrefix: 'invigil:',
      documentLimits: documentLimitsFrom(env.DOCUMENT_MAX_FILES, env.DOCUMENT_MAX_MB),
      ice: iceConfigFromEnv(process.env),
      mediaBudget: mediaBudgetFromEnv(env),
      deadlineSweepMs: 5_000,
      answerGraceSeconds: env.ANSWER_GRACE_SECONDS,
    },
    database,
    storage,
    smsSender: createSmsSender(env, logger),
    loggerInstance: logger,
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ host: env.HOST, port: env.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = env.PUBLIC_URL ?? `http://localhost:${port}`;
  logger.info(
    {
      url,
      database: database.engine,
      seeded,
      startupMs: Math.round(performance.now() - startedAt),
    },
    'Invigil ready',
  );
  if (isDemo) printDemoBanner(url, seeded);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
