import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AttemptEventDetail, AttemptEventType } from '../../../shared/api/attempt-events.js';
import type { OutageOutcome } from '../../../shared/api/attempt-progress.js';
import { appUser, school } from './org.js';
import { attempt } from './written-exams.js';

/**
 * What a candidate's page reported during an attempt (shared/api/attempt-events.ts): screen
 * share started or stopped, the page hidden or shown. `id` is the page's own, so a replay is
 * stored once; `arrival` is the server's order (events of one batch share `receivedAt`), which is
 * what "the latest" means here, never the page's clock (`clientAt`, information only). An AI flag
 * may carry one JPEG snapshot (server/proctoring/evidence-service.ts).
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
    /**
     * The AI monitor's evidence snapshot of a flag (shared/api/attempt-evidence.ts), once the page
     * uploaded it: its key in the file storage (also in stored_file) and its size. Null for every
     * other event and until the upload arrives; set once, never replaced.
     */
    snapshotKey: text('snapshot_key'),
    snapshotBytes: integer('snapshot_bytes'),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.id] }),
    index('attempt_event_attempt_arrival_idx').on(t.attemptId, t.arrival),
  ],
);

/**
 * A time the server saw none of the candidate's PC connections for longer than the exam's
 * outage threshold (server/written-exam/outage-rule.ts). Open (`endedAt` null, one per attempt
 * at most: the partial unique index) while the candidate is away; closed once when they are
 * back or the attempt ends, with the minutes given back (`compensationMinutes`) and why.
 */
export const attemptOutage = pgTable(
  'attempt_outage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempt.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    /** The last moment the server saw a connection before it went quiet. */
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** When the server saw the candidate again, or the attempt closed while they were away. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    lostSeconds: integer('lost_seconds'),
    compensationMinutes: integer('compensation_minutes').notNull().default(0),
    /** An OutageOutcome once closed. */
    outcome: text('outcome').$type<OutageOutcome>(),
  },
  (t) => [
    uniqueIndex('attempt_outage_open_uq')
      .on(t.attemptId)
      .where(sql`${t.endedAt} is null`),
    index('attempt_outage_attempt_idx').on(t.attemptId, t.startedAt),
  ],
);

/**
 * A proctor's reminder to one candidate (issue 15 §2, 发送提醒): shown as a popup on their page
 * until they confirm it (`confirmedAt`), so a page that reloads or was offline still gets every
 * unconfirmed one. Not an attempt_event: those are the page's own reports, with its ids and clock.
 */
export const attemptWarning = pgTable(
  'attempt_warning',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempt.id, { onDelete: 'cascade' }),
    /** The proctor or admin who sent it; kept when the account goes (the audit log names them). */
    sentBy: uuid('sent_by').references(() => appUser.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [index('attempt_warning_attempt_idx').on(t.attemptId, t.sentAt)],
);
