import { z } from 'zod';
import { defineRoute } from './contract.js';
import { isoDateTimeSchema } from './common.js';

export const getHealth = defineRoute({
  method: 'GET',
  path: '/api/health',
  summary: 'Liveness: the process answers',
  tags: ['system'],
  access: 'public',
  policy: { foreign: 'none' },
  response: z.object({ status: z.literal('ok'), serverTime: isoDateTimeSchema }),
});

/**
 * Readiness of this node. 503 UNAVAILABLE when the database does not answer; otherwise 200, and
 * `degraded` when something staff must fix does not stop the node from serving: file storage
 * full (uploads answer 507 STORAGE_FULL) or Redis unreachable (rate limits kept in-process, per
 * node). A degraded node stays in the load balancer: taking every node out would turn a full
 * disk or a Redis outage into a complete one.
 */
export const readinessSchema = z.object({
  status: z.enum(['ready', 'degraded']),
  database: z.string(),
  /** `low`: under 1 GiB free; `full`: a write was refused for space. */
  storage: z.enum(['ok', 'low', 'full']),
  /** Free bytes of the file storage, when it can tell (a local disk). */
  storageFreeBytes: z.number().nullable(),
  /** `in-process-fallback`: REDIS_URL is set but Redis does not answer. */
  rateLimits: z.enum(['in-process', 'redis', 'in-process-fallback']),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const getReady = defineRoute({
  method: 'GET',
  path: '/api/ready',
  summary:
    'Readiness: the database answers (503 if not); degraded when storage is full or Redis is down',
  tags: ['system'],
  access: 'public',
  policy: { foreign: 'none' },
  response: readinessSchema,
});

export const outboxMessageSchema = z.object({
  phone: z.string(),
  text: z.string(),
  sentAt: isoDateTimeSchema,
});

export const getDevOutbox = defineRoute({
  method: 'GET',
  path: '/api/dev/outbox',
  summary: 'Demo only: the last SMS messages the console sender wrote',
  tags: ['system'],
  access: 'public',
  policy: { foreign: 'none' },
  response: z.object({ items: z.array(outboxMessageSchema) }),
});
