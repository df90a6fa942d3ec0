import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../shared/questions/answer-schema.js';
import type { Database } from '../db/client.js';
import { attempt, exam, examSession, registration } from '../db/schema/index.js';
import { seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { AnswerStore } from './answer-store.js';
import { seedWrittenPaper } from './written-test-helpers.js';

// Saves arriving together share one statement (save-batcher.ts): each is still answered by its
// own attempt — stored, stale against a newer answer, or closed — as if it had gone alone.

const choice = (optionId: string): Answer => ({ type: 'single_choice', optionId });

describe('AnswerStore, saves arriving together', () => {
  let test: TestApp;
  let db: Database;
  let questionId: string;
  const ids: Record<'li' | 'wang' | 'liMock', string> = { li: '', wang: '', liMock: '' };
  const at = new Date('2026-12-20T01:10:00Z');

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    db = test.database.db;
    const formal = await seedWrittenPaper(db);
    questionId = formal.ids[0] ?? '';
    const registrations = await db
      .select({
        admissionNumber: registration.admissionNumber,
        registrationId: registration.id,
        sessionId: registration.sessionId,
        schoolId: exam.schoolId,
      })
      .from(registration)
      .innerJoin(examSession, eq(examSession.id, registration.sessionId))
      .innerJoin(exam, eq(exam.id, examSession.examId))
      .where(inArray(registration.admissionNumber, ['WRT2026001', 'WRT2026002']));
    const start = async (admissionNumber: string, kind: 'formal' | 'mock', isOpen: boolean) => {
      const found = registrations.find((row) => row.admissionNumber === admissionNumber);
      if (!found) throw new Error(`the demo has no ${admissionNumber}`);
      const [row] = await db
        .insert(attempt)
        .values({
          schoolId: found.schoolId,
          sessionId: found.sessionId,
          registrationId: found.registrationId,
          paperId: formal.paperId,
          kind,
          shuffleSeed: 7,
          layout: { questions: [{ paperQuestionId: questionId, optionOrder: null }] },
          startedAt: at,
          lastActivityAt: at,
          deadlineAt: new Date(at.getTime() + 3_600_000),
          ...(isOpen ? {} : { state: 'submitted', submittedAt: at, submitReason: 'manual' }),
        })
        .returning({ id: attempt.id });
      if (!row) throw new Error('nothing was inserted');
      return row.id;
    };
    ids.li = await start('WRT2026001', 'formal', true);
    ids.wang = await start('WRT2026002', 'formal', true);
    ids.liMock = await start('WRT2026001', 'mock', false);
  });
  afterAll(() => test.close());

  it('answers each save of one statement by its own attempt', async () => {
    const store = new AnswerStore(db);
    const save = (attemptId: string, optionId: string, seq: number) =>
      store.save({
        attemptId,
        paperQuestionId: questionId,
        answer: choice(optionId),
        seq,
        at: new Date(at.getTime() + 60_000),
        isLate: false,
      });
    expect(await save(ids.wang, 'C', 5)).toEqual({ status: 'saved', seq: 5 });

    const statements = vi.spyOn(db, 'execute');
    const outcomes = await Promise.all([
      save(ids.li, 'A', 1),
      save(ids.wang, 'B', 3),
      save(ids.liMock, 'A', 1),
    ]);
    expect(statements).toHaveBeenCalledTimes(1);
    statements.mockRestore();
    expect(outcomes).toEqual([
      { status: 'saved', seq: 1 },
      { status: 'stale', storedSeq: 5 },
      { status: 'closed' },
    ]);
    expect((await store.answersOf(ids.li)).get(questionId)).toEqual({
      answer: choice('A'),
      seq: 1,
    });
    expect((await store.answersOf(ids.wang)).get(questionId)).toEqual({
      answer: choice('C'),
      seq: 5,
    });
    expect((await store.answersOf(ids.liMock)).size).toBe(0);
    const [li] = await db
      .select({ lastActivityAt: attempt.lastActivityAt })
      .from(attempt)
      .where(eq(attempt.id, ids.li));
    expect(li?.lastActivityAt).toEqual(new Date(at.getTime() + 60_000));
  });
});
