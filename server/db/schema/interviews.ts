import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { READINESS, RETURN_REASONS, TICKET_STATES } from '../../../shared/api/interviews.js';
import { examSession, registration } from './exams.js';
import { appUser, school } from './org.js';

export const ticketStateEnum = pgEnum('ticket_state', TICKET_STATES);
export const readinessEnum = pgEnum('readiness', READINESS);
export const ticketReturnReasonEnum = pgEnum('ticket_return_reason', RETURN_REASONS);

/**
 * A registration's waiting-room ticket (waiting → called → waiting … → invited → in_room → done),
 * created when the candidate enters the waiting room. Two partial unique indexes are the last
 * word under concurrency, on PGlite and PostgreSQL alike: an examiner holds at most one call, and
 * a session's panel has at most one candidate invited or in the room.
 */
export const waitingTicket = pgTable(
  'waiting_ticket',
  {
    registrationId: uuid('registration_id')
      .primaryKey()
      .references(() => registration.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => examSession.id, { onDelete: 'cascade' }),
    state: ticketStateEnum('state').notNull().default('waiting'),
    readiness: readinessEnum('readiness').notNull().default('unmarked'),
    readinessNote: text('readiness_note'),
    readinessMarkedAt: timestamp('readiness_marked_at', { withTimezone: true }),
    readinessMarkedBy: uuid('readiness_marked_by').references(() => appUser.id, {
      onDelete: 'set null',
    }),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    calledBy: uuid('called_by').references(() => appUser.id, { onDelete: 'set null' }),
    calledAt: timestamp('called_at', { withTimezone: true }),
    /** The first call: readiness may be marked only after the candidate was seen. */
    firstCalledAt: timestamp('first_called_at', { withTimezone: true }),
    invitedBy: uuid('invited_by').references(() => appUser.id, { onDelete: 'set null' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    interviewStartedAt: timestamp('interview_started_at', { withTimezone: true }),
    interviewEndedAt: timestamp('interview_ended_at', { withTimezone: true }),
    interviewEndedBy: uuid('interview_ended_by').references(() => appUser.id, {
      onDelete: 'set null',
    }),
    returnReason: ticketReturnReasonEnum('return_reason'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('waiting_ticket_session_idx').on(t.sessionId, t.state),
    uniqueIndex('waiting_ticket_one_call_per_examiner_uq')
      .on(t.calledBy)
      .where(sql`state = 'called'`),
    uniqueIndex('waiting_ticket_one_panel_candidate_uq')
      .on(t.sessionId)
      .where(sql`state in ('invited', 'in_room')`),
  ],
);
