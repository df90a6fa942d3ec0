import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../shared/questions/answer-schema.js';
import type { Database } from '../db/client.js';
import { attempt, exam, examSession, registration } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { ACTIVITY_STEP_MS, AnswerStore, type AnswerSave } from './answer-store.js';
import { seedWrittenPaper } from './written-test-helpers.js';

// The autosave's store on the real database (PGlite here, PostgreSQL in CI's second run): a save
// lands only when newer, never in a submitted attempt, and racing saves keep the newest.

const choice = (optionId: string): Answer => ({ type: 'single_choice', optionId });

/** The one row an insert returned. */
function only<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error('nothing was inserted');
  return row;
}

describe('AnswerStore', () => {
  let test: TestApp;
  let db: Database;
  let store: AnswerStore;
  let attemptId: string;
  let questionId: string;
  const at = new Date('2026-12-20T01:10:00Z');

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    db = test.database.db;
    store = new AnswerStore(db);
    const [written] = await db
      .select({
        registrationId: registration.id,
        sessionId: registration.sessionId,
        schoolId: exam.schoolId,
        examId: exam.id,
      })
      .from(registration)
      .innerJoin(examSession, eq(examSession.id, registration.sessionId))
      .innerJoin(exam, eq(exam.id, examSession.examId))
      .where(eq(registration.admissionNumber, 'WRT2026001'));
    if (!written) throw new Error('the demo has no WRT2026001');
    const formal = await seedWrittenPaper(db);
    questionId = formal.ids[0] ?? '';
    const started = only(
      await db
        .insert(attempt)
        .values({
          schoolId: written.schoolId,
          sessionId: written.sessionId,
          registrationId: written.registrationId,
          paperId: formal.paperId,
          kind: 'formal',
          shuffleSeed: 7,
          layout: { questions: [{ paperQuestionId: questionId, optionOrder: null }] },
          startedAt: at,
          lastActivityAt: at,
          deadlineAt: new Date(at.getTime() + 3_600_000),
        })
        .returning({ id: attempt.id }),
    );
    attemptId = started.id;
  });
  afterAll(() => test.close());
  beforeEach(async () => {
    await db.update(attempt).set({ state: 'in_progress' }).where(eq(attempt.id, attemptId));
  });

  const save = (answer: Answer, seq: number, extra: Partial<AnswerSave> = {}) =>
    store.save({
      attemptId,
      paperQuestionId: questionId,
      answer,
      seq,
      at,
      isLate: false,
      ...extra,
    });
  const stored = async () => (await store.answersOf(attemptId)).get(questionId);

  it('stores a newer answer, and keeps it against a replay or an older one arriving late', async () => {
    expect(await save(choice('A'), 1)).toEqual({ status: 'saved', seq: 1 });
    expect(await save(choice('B'), 3)).toEqual({ status: 'saved', seq: 3 });
    expect(await save(choice('A'), 2)).toEqual({ status: 'stale', storedSeq: 3 });
    expect(await save(choice('B'), 3)).toEqual({ status: 'stale', storedSeq: 3 });
    expect(await stored()).toEqual({ answer: choice('B'), seq: 3 });
  });

  it('keeps the highest of many racing saves', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) => save(choice(index % 2 ? 'A' : 'B'), 100 + index)),
    );
    // Each save was stored, or refused because a newer one already was: never an older one kept.
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'saved') expect(outcome.seq).toBe(100 + index);
      else expect(outcome).toMatchObject({ status: 'stale' });
      if (outcome.status === 'stale') expect(outcome.storedSeq).toBeGreaterThan(100 + index);
    });
    expect(outcomes.at(-1)).toEqual({ status: 'saved', seq: 119 });
    expect(await stored()).toEqual({ answer: choice('A'), seq: 119 });
  });

  it('refuses a save into a submitted attempt and leaves the answer as it was', async () => {
    const before = await stored();
    await db
      .update(attempt)
      .set({ state: 'submitted', submittedAt: at, submitReason: 'manual' })
      .where(eq(attempt.id, attemptId));
    expect(await save(choice('B'), 500)).toEqual({ status: 'closed' });
    expect(await stored()).toEqual(before);
  });

  it('counts a stored change as activity, a replay not', async () => {
    const later = new Date(at.getTime() + 60_000);
    const muchLater = new Date(at.getTime() + 120_000);
    await save(choice('B'), 1_000, { at: later });
    await save(choice('B'), 1_000, { at: muchLater });
    // Another change within ACTIVITY_STEP_MS of the recorded activity leaves it as it was.
    await save(choice('C'), 1_001, { at: new Date(later.getTime() + ACTIVITY_STEP_MS - 1) });
    const [row] = await db
      .select({ lastActivityAt: attempt.lastActivityAt })
      .from(attempt)
      .where(eq(attempt.id, attemptId));
    expect(row?.lastActivityAt).toEqual(later);
    await save(choice('D'), 1_002, { at: new Date(later.getTime() + ACTIVITY_STEP_MS + 1) });
    const [moved] = await db
      .select({ lastActivityAt: attempt.lastActivityAt })
      .from(attempt)
      .where(eq(attempt.id, attemptId));
    expect(moved?.lastActivityAt).toEqual(new Date(later.getTime() + ACTIVITY_STEP_MS + 1));
  });
});
