import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { college, school, storedFile } from './org.js';

/**
 * A picture of the question bank (issue 14 §1), uploaded in the editor and referred to from a
 * stem, an option, a passage or a reference answer as `![说明](image:<id>)`. Its bytes were
 * decoded to the last pixel before they were kept; papers copy the text, never the picture.
 */
export const questionImage = pgTable(
  'question_image',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    /** The uploader's college for a college admin; null: every bank of the school may use it. */
    collegeId: uuid('college_id').references(() => college.id, { onDelete: 'set null' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFile.id, { onDelete: 'cascade' }),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('question_image_school_idx').on(t.schoolId)],
);
