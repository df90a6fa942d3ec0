import {
  boolean,
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
import { AGGREGATION_RULES, type Criterion } from '../../../shared/api/scoring.js';
import { exam, registration } from './exams.js';
import { appUser, school } from './org.js';

export const aggregationRuleEnum = pgEnum('aggregation_rule', AGGREGATION_RULES);

/**
 * 评分表: one per exam. Frozen once any score of the exam exists, because scores are stored as
 * points in the criteria's order. `resultsPublishedAt` (公布成绩) lets candidates see results.
 */
export const scoringForm = pgTable('scoring_form', {
  examId: uuid('exam_id')
    .primaryKey()
    .references(() => exam.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => school.id, { onDelete: 'cascade' }),
  criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
  commentRequired: boolean('comment_required').notNull().default(false),
  aggregation: aggregationRuleEnum('aggregation').notNull().default('mean'),
  resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One examiner's score of one registration; changeable until the chair confirms. */
export const score = pgTable(
  'score',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exam.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registration.id, { onDelete: 'cascade' }),
    examinerId: uuid('examiner_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    /** Points per criterion, in the form's order. */
    points: jsonb('points').$type<number[]>().notNull(),
    total: real('total').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('score_registration_examiner_uq').on(t.registrationId, t.examinerId),
    index('score_exam_idx').on(t.examId),
  ],
);

/** 确认成绩: the chair fixed a registration's aggregate; its scores are locked from then on. */
export const scoreConfirmation = pgTable('score_confirmation', {
  registrationId: uuid('registration_id')
    .primaryKey()
    .references(() => registration.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => school.id, { onDelete: 'cascade' }),
  examId: uuid('exam_id')
    .notNull()
    .references(() => exam.id, { onDelete: 'cascade' }),
  aggregate: real('aggregate').notNull(),
  scoreCount: integer('score_count').notNull(),
  confirmedBy: uuid('confirmed_by')
    .notNull()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
});
