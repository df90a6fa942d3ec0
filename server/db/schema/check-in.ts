import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { FACE_CHECK_SOURCES, FACE_VERDICTS, STEP_STATES } from '../../../shared/enums.js';
import type { DeviceReport, FaceLiveness, FaceQuality } from '../../../shared/api/check-in.js';
import { registration } from './exams.js';
import { appUser, school, storedFile } from './org.js';

export const stepStateEnum = pgEnum('step_state', STEP_STATES);
export const faceVerdictEnum = pgEnum('face_verdict', FACE_VERDICTS);
export const faceCheckSourceEnum = pgEnum('face_check_source', FACE_CHECK_SOURCES);

/**
 * A registration's check-in (device → face → pledge → phone). One row per registration, created on
 * first use; each step keeps its result so the check-in resumes anywhere and staff can see it.
 * `not_required` is never stored: it is computed from the exam's rules when read.
 */
export const checkIn = pgTable('check_in', {
  registrationId: uuid('registration_id')
    .primaryKey()
    .references(() => registration.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => school.id, { onDelete: 'cascade' }),
  deviceState: stepStateEnum('device_state').notNull().default('pending'),
  /** 检测报告: the last device check as the browser measured it. */
  deviceReport: jsonb('device_report').$type<DeviceReport>(),
  deviceCheckedAt: timestamp('device_checked_at', { withTimezone: true }),
  faceState: stepStateEnum('face_state').notNull().default('pending'),
  faceAttempts: integer('face_attempts').notNull().default(0),
  /** Score of the last face check at check-in. */
  faceScore: real('face_score'),
  faceCheckedAt: timestamp('face_checked_at', { withTimezone: true }),
  /** Embedding of the passed snapshot: the reference for later re-checks in this exam. */
  faceEmbedding: jsonb('face_embedding').$type<number[]>(),
  /** Staff who confirmed the identity by hand (reference beside the snapshot), and when. */
  faceConfirmedBy: uuid('face_confirmed_by').references(() => appUser.id, { onDelete: 'set null' }),
  faceConfirmedAt: timestamp('face_confirmed_at', { withTimezone: true }),
  pledgeState: stepStateEnum('pledge_state').notNull().default('pending'),
  pledgeAgreedAt: timestamp('pledge_agreed_at', { withTimezone: true }),
  /** The address the 同意 came from. */
  pledgeAddress: text('pledge_address'),
  phoneState: stepStateEnum('phone_state').notNull().default('pending'),
  phonePairedAt: timestamp('phone_paired_at', { withTimezone: true }),
  /** Last heartbeat of the phone, written at most every few seconds. */
  phoneLastSeenAt: timestamp('phone_last_seen_at', { withTimezone: true }),
  phoneFaceVerdict: faceVerdictEnum('phone_face_verdict'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One face check: the snapshot, what the server concluded and with which threshold. */
export const faceCheck = pgTable(
  'face_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: two checks in the same millisecond still have a newest. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registration.id, { onDelete: 'cascade' }),
    source: faceCheckSourceEnum('source').notNull(),
    verdict: faceVerdictEnum('verdict').notNull(),
    score: real('score'),
    threshold: real('threshold').notNull(),
    snapshotFileId: uuid('snapshot_file_id')
      .notNull()
      .references(() => storedFile.id, { onDelete: 'cascade' }),
    quality: jsonb('quality').$type<FaceQuality>(),
    liveness: jsonb('liveness').$type<FaceLiveness>(),
    clientAddress: text('client_address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('face_check_registration_idx').on(t.registrationId, t.seq)],
);

/**
 * A QR pairing of a phone as the second camera. The token is single use and short-lived; once
 * claimed, the phone holds a device secret (its cookie). A new pairing revokes the older ones.
 */
export const phonePairing = pgTable(
  'phone_pairing',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registration.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    deviceSecretHash: text('device_secret_hash'),
    /** 进入考试监控: the candidate confirmed on the phone and it started publishing. */
    startedAt: timestamp('started_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('phone_pairing_token_uq').on(t.tokenHash),
    uniqueIndex('phone_pairing_device_uq').on(t.deviceSecretHash),
    index('phone_pairing_registration_idx').on(t.registrationId),
  ],
);
