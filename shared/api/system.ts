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

export const getReady = defineRoute({
  method: 'GET',
  path: '/api/ready',
  summary: 'Readiness: the database answers',
  tags: ['system'],
  access: 'public',
  policy: { foreign: 'none' },
  response: z.object({ status: z.literal('ready'), database: z.string() }),
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
