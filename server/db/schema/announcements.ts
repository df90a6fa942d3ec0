import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser, college, school } from './org.js';

/** A 学校公告 (collegeId null) or 学院公告, shown to the candidates it concerns. */
export const announcement = pgTable(
  'announcement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    collegeId: uuid('college_id').references(() => college.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Sanitised HTML: only the allow-listed tags and attributes survive. */
    bodyHtml: text('body_html').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    authorId: uuid('author_id').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('announcement_school_college_idx').on(t.schoolId, t.collegeId, t.publishedAt)],
);
