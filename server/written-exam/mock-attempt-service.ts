import { areMockAnswersShown } from '../../shared/api/exams.js';
import type {
  MockAttemptDetail,
  MockAttemptSummary,
  MyMockExam,
} from '../../shared/api/mock-attempt.js';
import type { AuditAction } from '../../shared/api/audit.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { SubmitReason } from '../../shared/api/written-exam.js';
import type { Answer } from '../../shared/questions/answer-schema.js';
import type { Actor } from '../audit/audit-log.js';
import type { CheckInRegistration, CheckInRepo } from '../check-in/repo.js';
import { AppError } from '../errors/app-error.js';
import type { RouteDeps } from '../route-deps.js';
import { dueSubmission } from './attempt-clock.js';
import type { AttemptRepo, AttemptRow, PaperContent } from './attempt-repo.js';
import { DEFAULT_ANSWER_GRACE_SECONDS } from './attempt-service.js';
import { candidateSections, layoutOfPaper } from './attempt-view.js';
import type { AnswerStore } from './answer-store.js';
import { saveIntoAttempt } from './answer-save.js';
import type { MockAttemptRepo } from './mock-attempt-repo.js';
import {
  MOCK_REFUSALS,
  mockClosedReason,
  mockDeadline,
  mockMinutes,
  mockTiming,
} from './mock-clock.js';
import { layoutMaxPoints, mockResultOf } from './mock-result.js';

type Deps = Pick<RouteDeps, 'clock' | 'audit'> & { answerGraceSeconds?: number };
type Decide = (locked: AttemptRow) => { reason: SubmitReason; at: Date } | null;

/**
 * 模拟考试 (issue 14 §2): unlimited practice attempts at the exam's mock paper, one in
 * progress at a time (开始模拟 again answers the open one), from the registration's start to the
 * start of its formal attempt or the session's end (mock-clock.ts). Each runs the exam's duration
 * from its own start, takes answers like the formal attempt (AnswerStore: seq, stale, closed)
 * and is scored the moment it is submitted, by the candidate at any time or by the deadline
 * sweep. Mock attempts are never marked, counted in results or shown to staff: those read
 * kind 'formal' only.
 */
export class MockAttemptService {
  constructor(
    private readonly attempts: AttemptRepo,
    private readonly mocks: MockAttemptRepo,
    private readonly checkIns: CheckInRepo,
    private readonly answers: AnswerStore,
    private readonly deps: Deps,
  ) {}

  /** Whether the mock exam is open, and every mock attempt with its score. */
  async list(user: SessionUser, registrationId: string): Promise<MyMockExam> {
    const registration = await this.ownRegistration(user, registrationId);
    const isWritten = registration.examKind === 'written';
    const [paper, rows, hasFormalAttempt] = isWritten
      ? await Promise.all([
          this.mocks.mockPaper(registration.examId),
          this.mocks.mockAttemptsOf(registrationId),
          this.mocks.hasFormalAttempt(registrationId),
        ])
      : ([null, [], false] as const);
    const now = this.deps.clock.now();
    const settled: AttemptRow[] = [];
    for (const row of rows) settled.push(await this.settle(row));
    const contents = new Map<string, Promise<PaperContent | null>>();
    const summaries: MockAttemptSummary[] = [];
    for (const row of settled) {
      let content = contents.get(row.paperId);
      if (!content) {
        content = this.attempts.paperContent(row.paperId);
        contents.set(row.paperId, content);
      }
      const loaded = await content;
      summaries.push({
        attemptId: row.id,
        state: row.state,
        startedAt: row.startedAt.toISOString(),
        deadline: row.deadlineAt.toISOString(),
        submittedAt: row.submittedAt?.toISOString() ?? null,
        submitReason: row.submitReason,
        points: row.state === 'in_progress' ? null : row.objectivePoints,
        maxPoints: loaded ? layoutMaxPoints(loaded, row.layout) : 0,
      });
    }
    return {
      serverTime: now.toISOString(),
      hasMockPaper: paper !== null,
      closedReason: mockClosedReason({ ...registration, hasFormalAttempt }, now),
      durationMinutes: mockMinutes(registration.rules.durationMinutes, registration),
      answersShown: areMockAnswersShown(registration.rules),
      attempts: summaries,
    };
  }

  /** 开始模拟 / 继续模拟: the attempt in progress, else a new one timed from now. */
  async start(actor: Actor, registrationId: string): Promise<MockAttemptDetail> {
    const registration = await this.ownRegistration(actor.user, registrationId);
    if (registration.examKind !== 'written') throw AppError.of('MOCK_PAPER_MISSING');
    const now = this.deps.clock.now();
    const hasFormalAttempt = await this.mocks.hasFormalAttempt(registrationId);
    const closed = mockClosedReason({ ...registration, hasFormalAttempt }, now);
    if (closed) throw AppError.of(MOCK_REFUSALS[closed]);
    // One whose time ran out before the sweep came is submitted first, not continued.
    const open = await this.mocks.openMockAttempt(registrationId);
    if (open) await this.settle(open);

    const paper = await this.mocks.mockPaper(registration.examId);
    const content = paper ? await this.attempts.paperContent(paper.id) : null;
    if (!paper || !content) throw AppError.of('MOCK_PAPER_MISSING');
    const seed = Math.floor(Math.random() * 2 ** 31);
    const minutes = mockMinutes(registration.rules.durationMinutes, registration);
    const outcome = await this.mocks.startMock({
      schoolId: registration.schoolId,
      sessionId: registration.sessionId,
      registrationId,
      paperId: paper.id,
      kind: 'mock',
      shuffleSeed: seed,
      layout: layoutOfPaper(content, seed),
      startedAt: now,
      lastActivityAt: now,
      deadlineAt: mockDeadline(now, minutes),
      idleSubmitMinutes: null,
    });
    if (outcome === 'registration_missing') throw AppError.notFound('registration');
    if (outcome === 'formal_started') throw AppError.of('MOCK_EXAM_CLOSED');
    if (outcome.created) await this.record(actor, registration, 'mock_attempt.started');
    const known = outcome.row.paperId === paper.id ? content : undefined;
    return this.detailOf(registration, outcome.row, known);
  }

  async get(user: SessionUser, registrationId: string, attemptId: string) {
    const registration = await this.ownRegistration(user, registrationId);
    const row = await this.ownMockAttempt(registrationId, attemptId);
    return this.detailOf(registration, await this.settle(row));
  }

  /** One autosave, by the formal attempt's rules: newer seq only, late within the grace. */
  async save(
    user: SessionUser,
    ids: { registrationId: string; attemptId: string; paperQuestionId: string },
    body: { answer: Answer; seq: number },
  ): Promise<{ seq: number; late: boolean }> {
    await this.ownRegistration(user, ids.registrationId);
    const row = await this.ownMockAttempt(ids.registrationId, ids.attemptId);
    return saveIntoAttempt(
      {
        papers: this.attempts,
        answers: this.answers,
        now: this.deps.clock.now(),
        graceSeconds: this.graceSeconds,
      },
      row,
      mockTiming(row),
      ids.paperQuestionId,
      body,
    );
  }

  /** 交卷, at any time (no minimum in a mock): scored at once; again answers the same result. */
  async submit(actor: Actor, registrationId: string, attemptId: string) {
    const registration = await this.ownRegistration(actor.user, registrationId);
    const row = await this.ownMockAttempt(registrationId, attemptId);
    if (row.state !== 'in_progress') return this.detailOf(registration, row);
    const now = this.deps.clock.now();
    const submitted = await this.submitRow(row, () => ({ reason: 'manual', at: now }));
    if (submitted) await this.record(actor, registration, 'mock_attempt.submitted');
    const latest = submitted ?? (await this.attempts.attemptById(row.id)) ?? row;
    return this.detailOf(registration, latest);
  }

  /**
   * The deadline sweep's part for a mock attempt: submitted, dated at its deadline, once the
   * deadline and its grace have passed. Idempotent like the formal one; false for any attempt
   * that is not a mock, or not due.
   */
  async submitIfDue(attemptId: string): Promise<boolean> {
    const row = await this.attempts.attemptById(attemptId);
    if (row?.kind !== 'mock') return false;
    const submitted = await this.submitRow(row, this.dueNow());
    if (!submitted) return false;
    const registration = await this.checkIns.registration(row.registrationId);
    await this.deps.audit.record({
      schoolId: row.schoolId,
      actorId: null,
      action: 'mock_attempt.submitted',
      targetType: 'registration',
      targetId: row.registrationId,
      detail: `${registration?.admissionNumber ?? ''} ${submitted.submitReason ?? ''}`,
    });
    return true;
  }

  /** The row, submitted first when its time is up (a page read before the sweep came). */
  private async settle(row: AttemptRow): Promise<AttemptRow> {
    if (row.state !== 'in_progress') return row;
    if (!this.dueNow()(row)) return row;
    return (
      (await this.submitRow(row, this.dueNow())) ?? (await this.attempts.attemptById(row.id)) ?? row
    );
  }

  private dueNow(): Decide {
    const now = this.deps.clock.now();
    return (locked) =>
      dueSubmission(mockTiming(locked), locked.lastActivityAt, now, this.graceSeconds);
  }

  private async submitRow(row: AttemptRow, decide: Decide): Promise<AttemptRow | null> {
    const content = await this.attempts.paperContent(row.paperId);
    return this.attempts.submit(row.id, decide, (answers) =>
      content
        ? mockResultOf(
            content,
            row.layout,
            new Map(answers.map((answer) => [answer.paperQuestionId, answer.answer])),
            false,
          ).points
        : 0,
    );
  }

  private async detailOf(
    registration: CheckInRegistration,
    row: AttemptRow,
    known?: PaperContent,
  ): Promise<MockAttemptDetail> {
    const content = known ?? (await this.attempts.paperContent(row.paperId));
    if (!content) throw AppError.of('MOCK_PAPER_MISSING');
    const saved = await this.answers.answersOf(row.id);
    const isOpen = row.state === 'in_progress';
    return {
      serverTime: this.deps.clock.now().toISOString(),
      attempt: {
        attemptId: row.id,
        state: row.state,
        title: content.paper.title,
        startedAt: row.startedAt.toISOString(),
        deadline: row.deadlineAt.toISOString(),
        // No minimum time and no inactivity rule in a mock.
        submitOpensAt: row.startedAt.toISOString(),
        inactivitySubmitAt: null,
        sections: candidateSections(content, row.layout),
        answers: [...saved].map(([paperQuestionId, { answer, seq }]) => ({
          paperQuestionId,
          answer,
          seq,
        })),
        submittedAt: row.submittedAt?.toISOString() ?? null,
        submitReason: row.submitReason,
        submitFace: null,
      },
      result: isOpen
        ? null
        : mockResultOf(
            content,
            row.layout,
            new Map([...saved].map(([id, { answer }]) => [id, answer])),
            areMockAnswersShown(registration.rules),
          ),
    };
  }

  private get graceSeconds(): number {
    return this.deps.answerGraceSeconds ?? DEFAULT_ANSWER_GRACE_SECONDS;
  }

  /** The candidate's own registration; anyone else's is NOT_FOUND, never FORBIDDEN. */
  private async ownRegistration(user: SessionUser, registrationId: string) {
    const registration = await this.checkIns.ownRegistration(user.id, registrationId);
    if (!registration) throw AppError.notFound('registration');
    return registration;
  }

  private async ownMockAttempt(registrationId: string, attemptId: string): Promise<AttemptRow> {
    const row = await this.mocks.mockAttempt(registrationId, attemptId);
    if (!row) throw AppError.notFound('attempt');
    return row;
  }

  private record(actor: Actor, registration: CheckInRegistration, action: AuditAction) {
    return this.deps.audit.recordBy(actor, {
      schoolId: registration.schoolId,
      action,
      targetType: 'registration',
      targetId: registration.registrationId,
      detail: `${registration.examName} ${registration.sessionName} ${registration.admissionNumber} 模拟考试`,
    });
  }
}
