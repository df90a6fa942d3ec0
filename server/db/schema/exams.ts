import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ATTENDANCE_STATES, EXAM_KINDS, STAFF_DUTIES } from '../../../shared/enums.js';
import type { ExamRules } from '../../../shared/api/exams.js';
import { appUser, college, school } from './org.js';

export const examKindEnum = pgEnum('exam_kind', EXAM_KINDS);
export const attendanceEnum = pgEnum('attendance', ATTENDANCE_STATES);
export const staffDutyEnum = pgEnum('staff_duty', STAFF_DUTIES);

export const exam = pgTable(
  'exam',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    collegeId: uuid('college_id').references(() => college.id, { onDelete: 'set null' }),
    /** The 考试ID candidates type on the exam-ID login (docs/journeys.md J3). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: examKindEnum('kind').notNull(),
    rules: jsonb('rules').$type<ExamRules>().notNull(),
    pledgeText: text('pledge_text').notNull().default(''),
    noticeText: text('notice_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exam_school_code_uq').on(t.schoolId, t.code)],
);

/** A 考场: one exam's time window with its roster and staff. */
export const examSession = pgTable(
  'exam_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exam.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exam_session_exam_idx').on(t.examId)],
);

export const registration = pgTable(
  'registration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exam.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => examSession.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    admissionNumber: text('admission_number').notNull(),
    attendance: attendanceEnum('attendance').notNull().default('pending'),
    attendanceChangedAt: timestamp('attendance_changed_at', { withTimezone: true }),
    /** 确认信息 (docs/journeys.md J3): the candidate confirmed the roster data of this registration. */
    identityConfirmedAt: timestamp('identity_confirmed_at', { withTimezone: true }),
    /** 模拟考试 (docs/journeys.md J4): how often the candidate opened the mock exam, and when last. */
    mockEntryCount: integer('mock_entry_count').notNull().default(0),
    lastMockEntryAt: timestamp('last_mock_entry_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registration_exam_admission_uq').on(t.examId, t.admissionNumber),
    uniqueIndex('registration_exam_user_uq').on(t.examId, t.userId),
    index('registration_session_idx').on(t.sessionId),
    index('registration_user_idx').on(t.userId),
  ],
);

export const staffAssignment = pgTable(
  'staff_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => examSession.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    duty: staffDutyEnum('duty').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_assignment_uq').on(t.sessionId, t.userId, t.duty),
    index('staff_assignment_user_idx').on(t.userId),
  ],
);
