import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AttemptEventDetail, AttemptEventType } from '../../../shared/api/attempt-events.js';
import { school } from './org.js';
import { attempt } from './written-exams.js';

/**
 * What a candidate's page reported during an attempt (shared/api/attempt-events.ts): screen
 * share started or stopped, the page hidden or shown. `id` is the page's own, so a replay is
 * stored once; `arrival` is the server's order (events of one batch share `receivedAt`), which is
 * what "the latest" means here, never the page's clock (`clientAt`, information only).
 */
export const attemptEvent = pgTable(
  'attempt_event',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempt.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    /** An AttemptEventType: text, so issue 15's new types need no migration. */
    type: text('type').$type<AttemptEventType>().notNull(),
    arrival: bigint('arrival', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    clientAt: timestamp('client_at', { withTimezone: true }).notNull(),
    detail: jsonb('detail').$type<AttemptEventDetail>(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.id] }),
    index('attempt_event_attempt_arrival_idx').on(t.attemptId, t.arrival),
  ],
);
