import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DOCUMENT_KINDS, REVIEW_STATES, ROSTER_REPORT_STATES } from '../../../shared/enums.js';
import { registration } from './exams.js';
import { appUser, school, storedFile } from './org.js';

export const documentKindEnum = pgEnum('document_kind', DOCUMENT_KINDS);
export const reviewStateEnum = pgEnum('review_state', REVIEW_STATES);
export const rosterReportStateEnum = pgEnum('roster_report_state', ROSTER_REPORT_STATES);

/** 身份认证: one review per candidate over all their uploaded documents. */
export const documentReview = pgTable('document_review', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => school.id, { onDelete: 'cascade' }),
  state: reviewStateEnum('state').notNull().default('draft'),
  /** Why the reviewer rejected, shown to the candidate. */
  reason: text('reason'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewerId: uuid('reviewer_id').references(() => appUser.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One uploaded identity document; its bytes are a stored file, its name only for display. */
export const candidateDocument = pgTable(
  'candidate_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id, { onDelete: 'cascade' }),
    kind: documentKindEnum('kind').notNull(),
    /** The uploaded name, cleaned; never used as a path. */
    displayName: text('display_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Marked by the reviewer as the reason for a rejection. */
    rejected: boolean('rejected').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('candidate_document_user_idx').on(t.userId)],
);

/** 身份信息有误: a candidate's report about their roster data; it reaches the admins. */
export const rosterReport = pgTable(
  'roster_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id').references(() => registration.id, {
      onDelete: 'cascade',
    }),
    message: text('message').notNull(),
    state: rosterReportStateEnum('state').notNull().default('open'),
    resolutionNote: text('resolution_note'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('roster_report_school_state_idx').on(t.schoolId, t.state),
    // At most one open report per registration, even when two arrive at once.
    uniqueIndex('roster_report_open_uq')
      .on(t.registrationId)
      .where(sql`${t.state} = 'open'`),
  ],
);

/** A picture code (图形验证码) for public lookups; the answer is stored hashed, used once. */
export const captchaChallenge = pgTable('captcha_challenge', {
  id: uuid('id').primaryKey().defaultRandom(),
  answerHash: text('answer_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
