import {
  index,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { MARK_SLOTS } from '../../../shared/api/marking-rules.js';
import { exam } from './exams.js';
import { appUser, school } from './org.js';
import { attempt, paperQuestion } from './written-exams.js';

// Marking of written exams (issue 14 §6): a marker's points for one subjective answer, and the
// publication (公布成绩) of an exam's written results.

export const markSlotEnum = pgEnum('mark_slot', MARK_SLOTS);

/**
 * A mark of one subjective question (essay, file) of a submitted attempt, in its slot: single
 * marking keeps one (first, the latest marker's); 双评 a first and a second by different markers,
 * and a third (仲裁) by a third person when they differ by more than the exam's threshold.
 * Points are 0..the question's points in steps of 0.5 (checked by the service).
 */
export const answerMark = pgTable(
  'answer_mark',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempt.id, { onDelete: 'cascade' }),
    paperQuestionId: uuid('paper_question_id')
      .notNull()
      .references(() => paperQuestion.id, { onDelete: 'restrict' }),
    slot: markSlotEnum('slot').notNull().default('first'),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exam.id, { onDelete: 'cascade' }),
    points: real('points').notNull(),
    comment: text('comment').notNull().default(''),
    markerId: uuid('marker_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'restrict' }),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.paperQuestionId, t.slot] }),
    index('answer_mark_exam_idx').on(t.examId),
  ],
);

/** 公布成绩 of a written exam: candidates see their result from `publishedAt` on. */
export const writtenResultRelease = pgTable('written_result_release', {
  examId: uuid('exam_id')
    .primaryKey()
    .references(() => exam.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => school.id, { onDelete: 'cascade' }),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  publishedBy: uuid('published_by')
    .notNull()
    .references(() => appUser.id, { onDelete: 'restrict' }),
});
