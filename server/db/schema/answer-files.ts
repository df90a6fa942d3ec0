import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ANSWER_FILE_SOURCES } from '../../../shared/api/answer-files.js';
import { school, storedFile } from './org.js';
import { attempt, paperQuestion } from './written-exams.js';

export const answerFileSourceEnum = pgEnum('answer_file_source', ANSWER_FILE_SOURCES);

/**
 * A photo uploaded for a file question (上传作答) of an attempt, from the PC or the paired phone.
 * The answer names these rows' ids (`{ type: 'file', fileIds }`); the save refuses any id that is
 * not a live upload of the same attempt and question. Removing one only sets `removedAt`, so an
 * answer saved before the removal still shows its photo to the marker.
 */
export const answerFile = pgTable(
  'answer_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempt.id, { onDelete: 'cascade' }),
    paperQuestionId: uuid('paper_question_id')
      .notNull()
      .references(() => paperQuestion.id, { onDelete: 'restrict' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id, { onDelete: 'cascade' }),
    uploadedVia: answerFileSourceEnum('uploaded_via').notNull(),
    /** The uploaded name, cleaned; shown only, never a path. */
    displayName: text('display_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('answer_file_attempt_question_idx').on(t.attemptId, t.paperQuestionId)],
);

/**
 * 用手机拍照: the PC asked the paired phone to take photos for one file question of the attempt.
 * One per attempt (the open question); the phone polls it, and it goes when the PC says so or
 * the attempt closes.
 */
export const answerCaptureRequest = pgTable('answer_capture_request', {
  attemptId: uuid('attempt_id')
    .primaryKey()
    .references(() => attempt.id, { onDelete: 'cascade' }),
  paperQuestionId: uuid('paper_question_id')
    .notNull()
    .references(() => paperQuestion.id, { onDelete: 'cascade' }),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
});
