import { sql } from 'drizzle-orm';
import {
  bigserial,
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
import { LOCALES, ROLES } from '../../../shared/enums.js';
import { DEFAULT_SCHOOL_TIME_ZONE } from '../../../shared/time-zone.js';

export const roleEnum = pgEnum('role', ROLES);
export const localeEnum = pgEnum('locale', LOCALES);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const school = pgTable('school', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  isDemo: boolean('is_demo').notNull().default(false),
  /** IANA zone the school's times are shown in and its admins' date fields are read in. */
  timeZone: text('time_zone').notNull().default(DEFAULT_SCHOOL_TIME_ZONE),
  createdAt: createdAt(),
});

export const college = pgTable(
  'college',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('college_school_name_uq').on(t.schoolId, t.name)],
);

/** Stored files (reference photos now; documents and snapshots later). Bytes live in storage. */
export const storedFile = pgTable('stored_file', {
  id: uuid('id').primaryKey().defaultRandom(),
  schoolId: uuid('school_id').references(() => school.id, { onDelete: 'cascade' }),
  storageKey: text('storage_key').notNull().unique(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: createdAt(),
});

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').references(() => school.id, { onDelete: 'cascade' }),
    collegeId: uuid('college_id').references(() => college.id, { onDelete: 'set null' }),
    role: roleEnum('role').notNull(),
    name: text('name').notNull(),
    username: text('username'),
    phone: text('phone'),
    idNumber: text('id_number'),
    passwordHash: text('password_hash'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    locale: localeEnum('locale').notNull().default('zh-CN'),
    photoFileId: uuid('photo_file_id').references(() => storedFile.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('app_user_school_username_uq').on(t.schoolId, t.username),
    uniqueIndex('app_user_platform_username_uq')
      .on(t.username)
      .where(sql`${t.schoolId} is null`),
    uniqueIndex('app_user_school_phone_role_uq').on(t.schoolId, t.phone, t.role),
    uniqueIndex('app_user_school_id_number_uq').on(t.schoolId, t.idNumber),
    index('app_user_college_idx').on(t.collegeId),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order, so entries written in the same millisecond still list in order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    schoolId: uuid('school_id').references(() => school.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => appUser.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: text('detail'),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_school_created_idx').on(t.schoolId, t.createdAt)],
);
