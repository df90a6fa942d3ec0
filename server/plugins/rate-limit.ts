import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { ServiceHealth } from '../system/health.js';

/**
 * Rate limits (`@fastify/rate-limit`, per route `config.rateLimit`) counted in Redis when
 * REDIS_URL is set, so every node sees the same counts, and in this process otherwise. Redis down
 * must not slow the logins it protects nor switch the limits off: a command fails at once while
 * Redis is disconnected (no offline queue, no retries per command) or after REDIS_COMMAND_TIMEOUT_MS,
 * the request is then counted in-process, and Redis is not asked again for FALLBACK_HOLD_MS.
 */

/** A Redis command slower than this counts as Redis being down. */
export const REDIS_COMMAND_TIMEOUT_MS = 150;
/** After a failed command, requests are counted in-process this long before Redis is tried again. */
const FALLBACK_HOLD_MS = 5_000;
/** In-process counters kept at most (oldest dropped first): bounds memory under a flood of IPs. */
const MAX_LOCAL_KEYS = 20_000;

interface Count {
  current: number;
  ttl: number;
}
type IncrCallback = (error: Error | null, result?: Count) => void;

/** Fixed-window counters in this process. */
class LocalCounters {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  incr(key: string, timeWindow: number): Count {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + timeWindow };
      this.windows.delete(key);
      if (this.windows.size >= MAX_LOCAL_KEYS) {
        const oldest = this.windows.keys().next();
        if (!oldest.done) this.windows.delete(oldest.value);
      }
      this.windows.set(key, window);
    }
    window.count += 1;
    return { current: window.count, ttl: window.resetAt - now };
  }
}

// INCR and the window's expiry in one step, as @fastify/rate-limit's own Redis store does.
const INCR_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {current, redis.call('PTTL', KEYS[1])}
`;

type RedisWithRateLimit = Redis & {
  invigilRateLimit(key: string, timeWindow: number): Promise<[number, number]>;
};

/** The Redis client's side of the limits: its state, and whether to ask it now. */
class RedisCounters {
  private holdUntil = 0;

  constructor(
    private readonly redis: RedisWithRateLimit,
    private readonly health: ServiceHealth,
    private readonly log: FastifyBaseLogger,
  ) {}

  isUsable(): boolean {
    return this.redis.status === 'ready' && Date.now() >= this.holdUntil;
  }

  incr(key: string, timeWindow: number): Promise<Count> {
    return this.redis
      .invigilRateLimit(key, timeWindow)
      .then(([current, ttl]) => ({ current, ttl: ttl > 0 ? ttl : timeWindow }));
  }

  failed(error: unknown): void {
    if (this.health.rateLimitStore() !== 'in-process-fallback') {
      this.log.warn({ err: error }, 'Redis did not answer: rate limits are counted in-process');
    }
    this.holdUntil = Date.now() + FALLBACK_HOLD_MS;
    this.health.setRateLimitStore('in-process-fallback');
  }

  answered(): void {
    if (this.health.rateLimitStore() !== 'redis') {
      this.log.info('Redis answers again: rate limits are counted in Redis');
    }
    this.health.setRateLimitStore('redis');
  }
}

/** The store @fastify/rate-limit asks for each limited request; one child per route. */
function storeClass(redis: RedisCounters | null, health: ServiceHealth, keyPrefix: string) {
  const local = new LocalCounters();
  return class FallbackStore {
    /** The plugin passes its options first; they hold nothing this store needs. */
    constructor(
      _options?: unknown,
      private readonly prefix = keyPrefix,
    ) {}

    /** The plugin passes the route's window (ms) after the callback. */
    incr(key: string, callback: IncrCallback, timeWindow = 60_000): void {
      const fullKey = this.prefix + key;
      const countLocally = () => {
        callback(null, local.incr(fullKey, timeWindow));
      };
      if (!redis) {
        countLocally();
        return;
      }
      if (!redis.isUsable()) {
        health.setRateLimitStore('in-process-fallback');
        health.rateLimitFellBack();
        countLocally();
        return;
      }
      redis.incr(fullKey, timeWindow).then(
        (count) => {
          redis.answered();
          callback(null, count);
        },
        (error: unknown) => {
          redis.failed(error);
          health.rateLimitFellBack();
          countLocally();
        },
      );
    }

    /** Each route counts apart: its method and URL join the key, as the plugin's own stores do. */
    child(routeOptions: unknown): FallbackStore {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return new FallbackStore(
        undefined,
        `${this.prefix}${String(route?.method)}${String(route?.url)}-`,
      );
    }
  };
}

function connectRedis(url: string): RedisWithRateLimit {
  const redis = new Redis(url, {
    // Fail fast: a command while disconnected is refused at once instead of queued, and none is
    // retried; the connection itself is retried in the background with a growing delay.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(250 * 2 ** Math.min(attempt, 7), 30_000),
  });
  redis.defineCommand('invigilRateLimit', { numberOfKeys: 1, lua: INCR_SCRIPT });
  return redis as RedisWithRateLimit;
}

/**
 * Waits for the first connection (or its failure, at most a second), so the first requests are
 * counted where the later ones will be, not half in-process and half in Redis.
 */
function firstConnection(client: Redis): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      clearTimeout(timer);
      client.off('ready', settle);
      client.off('error', settle);
      resolve();
    };
    const timer = setTimeout(settle, 1_000);
    client.once('ready', settle);
    client.once('error', settle);
  });
}

/** Installs the limits; `health` learns which store counts them (`/api/ready`, `/metrics`). */
export async function installRateLimits(
  app: FastifyInstance,
  options: { redisUrl: string | null; keyPrefix: string; health: ServiceHealth },
): Promise<void> {
  const { health } = options;
  let redis: RedisCounters | null = null;
  if (options.redisUrl) {
    const client = connectRedis(options.redisUrl);
    redis = new RedisCounters(client, health, app.log);
    const counters = redis;
    // Without a listener ioredis prints every failed reconnection; the state is what matters.
    client.on('error', (error: unknown) => {
      counters.failed(error);
    });
    client.on('ready', () => {
      counters.answered();
    });
    health.setRateLimitStore('in-process-fallback');
    app.addHook('onClose', (_instance, done) => {
      client.disconnect();
      done();
    });
    await firstConnection(client);
  } else health.setRateLimitStore('in-process');
  await app.register(fastifyRateLimit, {
    global: false,
    store: storeClass(redis, health, `${options.keyPrefix}rate-limit:`),
  });
}
