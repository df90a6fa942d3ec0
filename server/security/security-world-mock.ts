import { and, eq } from 'drizzle-orm';
import { exam, paper, registration } from '../db/schema/index.js';
import type { TestApp } from '../test/test-app.js';
import { AttemptRepo } from '../written-exam/attempt-repo.js';
import { layoutOfPaper } from '../written-exam/attempt-view.js';
import { MockAttemptRepo } from '../written-exam/mock-attempt-repo.js';

// The security world's mock attempts (模拟考试): the matrix calls as 张三, whose registration is
// the interview's, so his mock attempt (at the school's WRT2026 mock paper) is put in directly;
// the routes find a mock attempt by its registration, whatever the exam.

const YEAR = 365 * 24 * 3600_000;

/** A mock attempt in progress on this registration, open for a year; answers its id. */
export async function mockAttemptOf(test: TestApp, registrationId: string): Promise<string> {
  const { db } = test.database;
  const [row] = await db
    .select({ schoolId: registration.schoolId, sessionId: registration.sessionId })
    .from(registration)
    .where(eq(registration.id, registrationId));
  const [mockPaper] = row
    ? await db
        .select({ id: paper.id })
        .from(paper)
        .innerJoin(exam, eq(exam.id, paper.examId))
        .where(
          and(eq(exam.schoolId, row.schoolId), eq(exam.code, 'WRT2026'), eq(paper.kind, 'mock')),
        )
    : [];
  const content = mockPaper ? await new AttemptRepo(db).paperContent(mockPaper.id) : null;
  if (!row || !mockPaper || !content) throw new Error('no mock paper for the security world');
  const now = test.clock.now();
  const started = await new MockAttemptRepo(db).startMock({
    schoolId: row.schoolId,
    sessionId: row.sessionId,
    registrationId,
    paperId: mockPaper.id,
    kind: 'mock',
    shuffleSeed: 1,
    layout: layoutOfPaper(content, 1),
    startedAt: now,
    lastActivityAt: now,
    deadlineAt: new Date(now.getTime() + YEAR),
    idleSubmitMinutes: null,
  });
  if (typeof started === 'string') throw new Error(`no mock attempt: ${started}`);
  return started.row.id;
}
