import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { SMS_PURPOSES } from '../../../shared/enums.js';
import { appUser, school } from './org.js';

export const smsPurposeEnum = pgEnum('sms_purpose', SMS_PURPOSES);

/** A server-side login session; the cookie holds a random token, the table only its hash. */
export const loginSession = pgTable(
  'login_session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** Set when this login used an initial or temporary password: the user must replace it first. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
  },
  (t) => [index('login_session_user_idx').on(t.userId)],
);

/** A verification code sent by SMS, stored hashed; single use; voided after 5 wrong tries. */
export const smsCode = pgTable(
  'sms_code',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    phone: text('phone').notNull(),
    purpose: smsPurposeEnum('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    /** When the password-reset grant this code opened was used: one reset per code. */
    resetUsedAt: timestamp('reset_used_at', { withTimezone: true }),
  },
  (t) => [index('sms_code_phone_created_idx').on(t.phone, t.createdAt)],
);

/**
 * Failed logins counted per subject (an exam, an admission number, a login name, a user) and
 * client (an IP, a trusted browser, or '' for all clients). A counter starts again after 15
 * quiet minutes; rows idle for a day are deleted.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    subject: text('subject').notNull(),
    client: text('client').notNull(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subject, t.client] }),
    index('login_throttle_last_failure_idx').on(t.lastFailureAt),
  ],
);
