import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Answer } from '../../../shared/questions/answer-schema.js';
import { QUESTION_TYPES, type QuestionContent } from '../../../shared/questions/question-schema.js';
import { SUBMIT_REASONS } from '../../../shared/api/written-exam.js';
import { exam, examSession, registration } from './exams.js';
import { college, school } from './org.js';

// Written exams (issue 14): the question bank (题库), papers (试卷) made of its questions, and
// each candidate's attempt with its answers. Content is jsonb validated by the shared schemas
// (shared/questions) on the way in; nothing reads it unchecked from outside.

export const questionTypeEnum = pgEnum('question_type', QUESTION_TYPES);
export const PAPER_KINDS = ['formal', 'mock'] as const;
export const paperKindEnum = pgEnum('paper_kind', PAPER_KINDS);
export const ATTEMPT_STATES = ['in_progress', 'submitted', 'marked'] as const;
export const attemptStateEnum = pgEnum('attempt_state', ATTEMPT_STATES);
export const submitReasonEnum = pgEnum('submit_reason', SUBMIT_REASONS);

/** A reading passage several questions share (阅读理解, 完形填空). */
export const bankPassage = pgTable('bank_passage', {
  id: uuid('id').primaryKey().defaultRandom(),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => school.id, { onDelete: 'cascade' }),
  /** Set when the passage belongs to one college's bank, like its questions. */
  collegeId: uuid('college_id').references(() => college.id, { onDelete: 'set null' }),
  title: text('title').notNull(),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A question of a school's bank, optionally of one college. `externalKey` is the 题号 an import
 * file gives: importing the same key again updates the question instead of adding a copy.
 */
export const bankQuestion = pgTable(
  'bank_question',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    collegeId: uuid('college_id').references(() => college.id, { onDelete: 'set null' }),
    type: questionTypeEnum('type').notNull(),
    content: jsonb('content').$type<QuestionContent>().notNull(),
    passageId: uuid('passage_id').references(() => bankPassage.id, { onDelete: 'set null' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** 1 (easy) – 5 (hard); null when not rated. */
    difficulty: smallint('difficulty'),
    defaultPoints: real('default_points').notNull(),
    externalKey: text('external_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bank_question_external_key_uq').on(t.schoolId, t.externalKey),
    index('bank_question_tags_idx').using('gin', t.tags),
  ],
);

/**
 * A paper of an exam: the formal one or the mock (模拟考试). Frozen (`frozenAt`) when the first
 * formal attempt starts; editing a frozen paper makes the next version, attempts keep theirs.
 */
export const paper = pgTable(
  'paper',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id')
      .notNull()
      .references(() => exam.id, { onDelete: 'cascade' }),
    kind: paperKindEnum('kind').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    passMark: real('pass_mark'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('paper_exam_kind_version_uq').on(t.examId, t.kind, t.version)],
);

/** A section (大题) with its instructions; `drawCount` questions drawn from its pool, or all. */
export const paperSection = pgTable(
  'paper_section',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paperId: uuid('paper_id')
      .notNull()
      .references(() => paper.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    instructions: text('instructions').notNull().default(''),
    drawCount: integer('draw_count'),
    shuffleQuestions: boolean('shuffle_questions').notNull().default(false),
    shuffleOptions: boolean('shuffle_options').notNull().default(false),
  },
  (t) => [uniqueIndex('paper_section_position_uq').on(t.paperId, t.position)],
);

/** A question on a paper: a copy of the bank's at the time, so editing the bank moves no paper. */
export const paperQuestion = pgTable(
  'paper_question',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paperId: uuid('paper_id')
      .notNull()
      .references(() => paper.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => paperSection.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    bankQuestionId: uuid('bank_question_id').references(() => bankQuestion.id, {
      onDelete: 'set null',
    }),
    content: jsonb('content').$type<QuestionContent>().notNull(),
    passageId: uuid('passage_id').references(() => bankPassage.id, { onDelete: 'set null' }),
    points: real('points').notNull(),
  },
  (t) => [uniqueIndex('paper_question_position_uq').on(t.sectionId, t.position)],
);

/** What one attempt shows, in its order: drawn and shuffled once, from `shuffleSeed`. */
export interface AttemptLayout {
  questions: { paperQuestionId: string; optionOrder: string[] | null }[];
}

/**
 * A candidate's attempt at a paper. One formal attempt per registration (the partial unique
 * index); any number of mock ones. The server owns every time here (attempt-clock.ts).
 */
export const attempt = pgTable(
  'attempt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => examSession.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registration.id, { onDelete: 'cascade' }),
    paperId: uuid('paper_id')
      .notNull()
      .references(() => paper.id, { onDelete: 'restrict' }),
    kind: paperKindEnum('kind').notNull(),
    state: attemptStateEnum('state').notNull().default('in_progress'),
    shuffleSeed: integer('shuffle_seed').notNull(),
    layout: jsonb('layout').$type<AttemptLayout>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    /**
     * When it closes (attempt-clock.ts attemptDeadline, kept up to date when time is added), and
     * the exam's inactivity rule at the start: what the deadline sweep reads.
     */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    idleSubmitMinutes: integer('idle_submit_minutes'),
    extraMinutes: integer('extra_minutes').notNull().default(0),
    compensationMinutes: integer('compensation_minutes').notNull().default(0),
    /**
     * The latest moment a server saw one of the candidate's PC connections (outage-service.ts):
     * written by each node every few seconds while connected, and at the start.
     */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submitReason: submitReasonEnum('submit_reason'),
    objectivePoints: real('objective_points'),
  },
  (t) => [
    uniqueIndex('attempt_formal_uq')
      .on(t.registrationId)
      .where(sql`${t.kind} = 'formal'`),
    index('attempt_session_state_idx').on(t.sessionId, t.state),
    index('attempt_open_deadline_idx')
      .on(t.deadlineAt)
      .where(sql`${t.state} = 'in_progress'`),
  ],
);

/**
 * The latest answer to one question of an attempt. `seq` is the page's own counter per question:
 * an answer is stored only when its seq is higher than the stored one (autosave, issue 14 §5),
 * so a replayed or reordered save never overwrites a newer answer.
 */
export const attemptAnswer = pgTable(
  'attempt_answer',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempt.id, { onDelete: 'cascade' }),
    paperQuestionId: uuid('paper_question_id')
      .notNull()
      .references(() => paperQuestion.id, { onDelete: 'restrict' }),
    answer: jsonb('answer').$type<Answer>().notNull(),
    seq: integer('seq').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
    /** Arrived after the deadline, within the grace (attempt-clock.ts answerAcceptance). */
    isLate: boolean('is_late').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.paperQuestionId] })],
);
