import { z } from 'zod';
import { documentKindSchema, type DocumentKind } from '../shared/enums.js';
import { mediaEnvShape, refineMediaEnv } from './media/ice-servers.js';
import { mediaBudgetEnvShape } from './media/media-budget.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** The database keeps sizes as 32-bit integers: no single document may reach 2 GiB. */
const MAX_DOCUMENT_MB = 2047;

/** `pdf=20,mp4=200`: megabytes per document kind; an unknown kind or a bad number is refused. */
const documentSizesSchema = z.string().transform((text, ctx) => {
  const sizes: Partial<Record<DocumentKind, number>> = {};
  for (const part of text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [name = '', value = '', ...rest] = part.split('=').map((item) => item.trim());
    const kind = documentKindSchema.safeParse(name.toLowerCase());
    const megabytes = Number(value);
    if (!kind.success) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown kind "${name}" (use ${documentKindSchema.options.join(', ')})`,
      });
    } else if (
      rest.length > 0 ||
      !Number.isInteger(megabytes) ||
      megabytes < 1 ||
      megabytes > MAX_DOCUMENT_MB
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `${name}: use whole megabytes from 1 to ${String(MAX_DOCUMENT_MB)}`,
      });
    } else sizes[kind.data] = megabytes;
  }
  return sizes;
});

/** Every environment variable the server reads; README.md documents each one. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url().optional(),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis://')
      .optional(),
    DEMO: booleanFlag.optional(),
    APP_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    COOKIE_SECURE: booleanFlag.optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    TRUST_PROXY: booleanFlag.default(false),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
    ANSWER_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
    SMS_PROVIDER: z.enum(['console', 'aliyun']).default('console'),
    ALIYUN_SMS_ACCESS_KEY_ID: z.string().optional(),
    ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().optional(),
    ALIYUN_SMS_SIGN_NAME: z.string().optional(),
    ALIYUN_SMS_TEMPLATE_CODE: z.string().optional(),
    ALIYUN_SMS_ENDPOINT: z.url().optional(),
    DOCUMENT_MAX_FILES: z.coerce.number().int().min(1).max(100).optional(),
    DOCUMENT_MAX_MB: documentSizesSchema.optional(),
    ...mediaEnvShape,
    ...mediaBudgetEnvShape,
  })
  .superRefine((env, ctx) => {
    refineMediaEnv(env, ctx);
    if (env.SMS_PROVIDER !== 'aliyun') return;
    for (const key of [
      'ALIYUN_SMS_ACCESS_KEY_ID',
      'ALIYUN_SMS_ACCESS_KEY_SECRET',
      'ALIYUN_SMS_SIGN_NAME',
      'ALIYUN_SMS_TEMPLATE_CODE',
    ] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'required by SMS_PROVIDER=aliyun' });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses the environment or stops the process with a message naming each bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // `DATABASE_URL=` in a shell or a .env file means "not set", not "an empty URL".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment:\n${lines.join('\n')}`);
}
