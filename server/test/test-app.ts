import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppDeps } from '../app.js';
import { ConsoleSmsSender } from '../auth/sms/console-sender.js';
import type { SmsSender } from '../auth/sms/sms-sender.js';
import type { CaptchaGenerator } from '../auth/captcha.js';
import type { PasswordHasher } from '../auth/passwords.js';
import { FakeFaceMatcher } from '../check-in/check-in-test-helpers.js';
import type { FaceMatcher } from '../check-in/face-matcher-port.js';
import { ManualClock } from '../clock.js';
import type { DatabaseHandle } from '../db/client.js';
import { LocalFolderStorage, type FileStorage } from '../files/storage.js';
import { openTestDatabase } from './test-database.js';
import type { DocumentLimits } from '../../shared/api/documents.js';
import type { IceConfig } from '../media/ice-servers.js';
import type { MediaBudget } from '../../shared/api/media.js';

export interface TestApp {
  app: FastifyInstance;
  storage: FileStorage;
  clock: ManualClock;
  sms: ConsoleSmsSender;
  database: DatabaseHandle;
  close(): Promise<void>;
}

export const silentLog = { info: () => undefined };

/**
 * The whole app on a fresh database with a hand-moved clock, an in-memory SMS outbox and a face
 * engine that reads its verdict from the snapshot (fakeSnapshot in check-in-test-helpers).
 */
export async function createTestApp(
  options: {
    smsSender?: SmsSender;
    isDemo?: boolean;
    authRateLimitPerMinute?: number;
    /** Draws the picture codes; pass one with a known answer. */
    captcha?: CaptchaGenerator;
    /** Identity document limits; small ones keep upload tests fast. */
    documentLimits?: DocumentLimits;
    /** Compares face snapshots; by default a FakeFaceMatcher, deciding by the image's bytes. */
    faceMatcher?: FaceMatcher;
    /** STUN/TURN servers the media route hands out (none by default). */
    ice?: IceConfig;
    /** The sender caps the media budget route hands out (the defaults by default). */
    mediaBudget?: MediaBudget;
    /** Hashes and checks passwords; pass one that counts the checks. */
    passwordHasher?: PasswordHasher;
    /** Where the bytes go; a folder in the temp directory by default. */
    storage?: FileStorage;
    /** A pino logger to read what the app logs; silence by default. */
    loggerInstance?: AppDeps['loggerInstance'];
    /** Redis for rate limits; REDIS_URL (CI) by default, null for in-process. */
    redisUrl?: string | null;
    /** Whether X-Forwarded-* headers are believed (TRUST_PROXY); false by default. */
    trustProxy?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = new ManualClock();
  const sms = new ConsoleSmsSender(silentLog);
  const storage =
    options.storage ?? new LocalFolderStorage(mkdtempSync(join(tmpdir(), 'invigil-files-')));
  const app = await buildApp({
    config: {
      isDemo: options.isDemo ?? true,
      appSecret: 'test-secret-test-secret-test-secret-0000',
      cookieSecure: false,
      sessionTtlHours: 12,
      trustProxy: options.trustProxy ?? false,
      authRateLimitPerMinute: options.authRateLimitPerMinute ?? 10_000,
      webDistDir: null,
      // CI sets REDIS_URL on its PostgreSQL run, so shared state is tested on a real Redis too.
      redisUrl: options.redisUrl === undefined ? (process.env.REDIS_URL ?? null) : options.redisUrl,
      redisKeyPrefix: `invigil-test-${randomUUID()}:`,
      ...(options.documentLimits ? { documentLimits: options.documentLimits } : {}),
      ...(options.ice ? { ice: options.ice } : {}),
      ...(options.mediaBudget ? { mediaBudget: options.mediaBudget } : {}),
    },
    database,
    storage,
    smsSender: options.smsSender ?? sms,
    clock,
    ...(options.captcha ? { captcha: options.captcha } : {}),
    faceMatcher: options.faceMatcher ?? new FakeFaceMatcher(),
    ...(options.passwordHasher ? { passwordHasher: options.passwordHasher } : {}),
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : {}),
  });
  await app.ready();
  return { app, storage, clock, sms, database, close: () => app.close() };
}

/** A browser-like client: keeps cookies and sends the CSRF header on mutations. */
export class TestClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
    /** The client's address as the server sees it (inject's default is 127.0.0.1). */
    private readonly remoteAddress?: string,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) {
        this.cookies.delete(cookie.name);
      } else this.cookies.set(cookie.name, cookie.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
    if (method !== 'GET' && !this.cookies.has('invigil_csrf'))
      await this.request('GET', '/api/auth/csrf');
    const csrf = this.cookies.get('invigil_csrf');
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...this.headers,
        cookie: this.cookieHeader(),
        ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}),
      },
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.remember(response);
    return response;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
}

/** The 6-digit code of the last SMS the outbox holds for a phone. */
export function lastCodeFor(sms: ConsoleSmsSender, phone: string): string {
  const text = sms.recent().find((entry) => entry.phone === phone)?.text ?? '';
  const code = /\d{6}/.exec(text)?.[0];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}
