import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { IceServer, IceServers } from '../../shared/api/media.js';

/** TURN credentials live an hour by default: longer than any call, short enough to be useless leaked. */
const DEFAULT_TURN_TTL_SECONDS = 3600;

/** `stun:a:3478, stun:b:3478`: a comma-separated list of ICE server URLs of one scheme family. */
function urlList(schemes: readonly string[]) {
  return z.string().transform((text, ctx) => {
    const urls = text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    for (const url of urls) {
      if (!schemes.some((scheme) => url.startsWith(`${scheme}:`))) {
        ctx.addIssue({
          code: 'custom',
          message: `"${url}" must start with ${schemes.join(': or ')}:`,
        });
      }
    }
    return urls;
  });
}

/** The environment variables of WebRTC's ICE servers; server/env.ts spreads them into its schema. */
export const mediaEnvShape = {
  STUN_URLS: urlList(['stun', 'stuns']).optional(),
  TURN_URLS: urlList(['turn', 'turns']).optional(),
  TURN_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  TURN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(24 * 3600)
    .default(DEFAULT_TURN_TTL_SECONDS),
};

/** TURN without its secret could only hand out credentials coturn refuses. */
export function refineMediaEnv(
  env: { TURN_URLS?: string[] | undefined; TURN_SECRET?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (env.TURN_URLS?.length && !env.TURN_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['TURN_SECRET'], message: 'required by TURN_URLS' });
  }
}

const mediaEnvSchema = z.object(mediaEnvShape).superRefine(refineMediaEnv);

/** Which STUN/TURN servers browsers get; none on a loopback machine or a LAN. */
export interface IceConfig {
  stunUrls: string[];
  turnUrls: string[];
  /** coturn's `static-auth-secret` (`use-auth-secret`); TURN is offered only with it. */
  turnSecret: string | null;
  turnTtlSeconds: number;
}

/** No STUN or TURN: enough on a loopback machine or a LAN (and in tests). */
export const NO_ICE_SERVERS: IceConfig = {
  stunUrls: [],
  turnUrls: [],
  turnSecret: null,
  turnTtlSeconds: 3600,
};

/** The ICE configuration from the environment (invalid values already stopped server/env.ts). */
export function iceConfigFromEnv(source: NodeJS.ProcessEnv): IceConfig {
  const present = Object.fromEntries(
    Object.keys(mediaEnvShape).flatMap((key) => {
      const value = source[key];
      return value ? [[key, value]] : [];
    }),
  );
  const env = mediaEnvSchema.parse(present);
  return {
    stunUrls: env.STUN_URLS ?? [],
    turnUrls: env.TURN_URLS ?? [],
    turnSecret: env.TURN_SECRET ?? null,
    turnTtlSeconds: env.TURN_TTL_SECONDS,
  };
}

/**
 * TURN REST API credentials (draft-uberti-behave-turn-rest, coturn `use-auth-secret`): the
 * username is `<expiry unix seconds>:<user id>`, the password base64(HMAC-SHA1(secret, username)).
 * coturn recomputes the HMAC and refuses the username once its expiry has passed.
 */
export function turnCredentials(
  secret: string,
  userId: string,
  expiresAt: Date,
): { username: string; credential: string } {
  const username = `${String(Math.floor(expiresAt.getTime() / 1000))}:${userId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential };
}

/** The ICE servers for one caller at `now`: STUN as configured, TURN with fresh credentials. */
export function iceServersFor(config: IceConfig, userId: string, now: Date): IceServers {
  const iceServers: IceServer[] = [];
  if (config.stunUrls.length > 0) iceServers.push({ urls: config.stunUrls });
  if (!config.turnSecret || config.turnUrls.length === 0) return { iceServers, ttlSeconds: null };
  const expiresAt = new Date(now.getTime() + config.turnTtlSeconds * 1000);
  iceServers.push({
    urls: config.turnUrls,
    ...turnCredentials(config.turnSecret, userId, expiresAt),
  });
  return { iceServers, ttlSeconds: config.turnTtlSeconds };
}
