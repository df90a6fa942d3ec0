import type { AuditAction } from '../../shared/api/audit.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { AttemptView, MyAttempt, SubmitReason } from '../../shared/api/written-exam.js';
import type { Answer } from '../../shared/questions/answer-schema.js';
import { scoreObjective } from '../../shared/questions/objective-scoring.js';
import type { Actor } from '../audit/audit-log.js';
import { checkInRefusal } from '../check-in/policy.js';
import type { CheckInRegistration, CheckInRepo } from '../check-in/repo.js';
import { readPresentedState } from '../check-in/service.js';
import { AppError } from '../errors/app-error.js';
import type { RouteDeps } from '../route-deps.js';
import {
  answerAcceptance,
  attemptDeadline,
  dueSubmission,
  inactivitySubmitAt,
  manualSubmitRefusal,
  startRefusal,
  submitOpensAt,
  type AttemptTiming,
} from './attempt-clock.js';
import { candidateSections, layoutOfPaper } from './attempt-view.js';
import type { AttemptRepo, AttemptRow, PaperContent } from './attempt-repo.js';
import type { AnswerStore } from './answer-store.js';
import { saveIntoAttempt } from './answer-save.js';
import { outageRulesOf } from './outage-rule.js';
import type { SubmitFaceGate } from './submit-face.js';
import type { WarningRepo } from './warning-repo.js';
import { presentWarning } from './warning-presenter.js';

/** Papers read once per deadline sweep: a session's attempts share one. */
export type PaperCache = Map<string, Promise<PaperContent | null>>;

/** Answers held up by the network are still taken this long after the deadline, marked late. */
export const DEFAULT_ANSWER_GRACE_SECONDS = 30;

type Deps = Pick<RouteDeps, 'clock' | 'audit'> & {
  answerGraceSeconds?: number;
  /** The face check 交卷 needs (submit-face.ts); none asked when left out. */
  submitFace?: Pick<SubmitFaceGate, 'status'>;
  /** Proctors' reminders still to confirm (warning-repo.ts); none listed when left out. */
  warnings?: Pick<WarningRepo, 'unconfirmedOf'>;
};

/**
 * The candidate's written exam (issue 14 §3): start, autosave, 交卷. The server decides every
 * time (attempt-clock.ts) and every check; the page shows what it answers.
 */
export class AttemptService {
  constructor(
    private readonly repo: AttemptRepo,
    private readonly checkIns: CheckInRepo,
    private readonly answers: AnswerStore,
    private readonly deps: Deps,
  ) {}

  /** The attempt of a written exam's registration; any other exam has no paper to sit. */
  async mine(user: SessionUser, registrationId: string): Promise<MyAttempt> {
    const registration = await this.checkIns.ownRegistration(user.id, registrationId);
    if (!registration) throw AppError.notFound('registration');
    if (registration.examKind !== 'written') {
      const serverTime = this.deps.clock.now().toISOString();
      const opensAt = registration.startsAt.toISOString();
      return {
        serverTime,
        opensAt,
        hasPaper: false,
        screenShareRequired: false,
        copyPasteBlocked: false,
        aiMonitor: null,
        attempt: null,
      };
    }
    const refusal = checkInRefusal(registration, 'read');
    if (refusal) throw refusal;
    const [paper, row] = await Promise.all([
      this.repo.formalPaper(registration.examId),
      this.repo.formalAttemptOf(registrationId),
    ]);
    return {
      serverTime: this.deps.clock.now().toISOString(),
      opensAt: registration.startsAt.toISOString(),
      hasPaper: paper !== null,
      screenShareRequired: registration.rules.screenShareRequired,
      copyPasteBlocked: registration.rules.copyPasteBlocked,
      aiMonitor: registration.rules.aiMonitorEnabled
        ? { flagSeconds: registration.rules.aiFlagSeconds }
        : null,
      attempt: row ? await this.viewOf(registration, row) : null,
    };
  }

  async start(actor: Actor, registrationId: string): Promise<AttemptView> {
    const registration = await this.ownWrittenRegistration(actor.user, registrationId);
    const existing = await this.repo.formalAttemptOf(registrationId);
    if (existing) return this.viewOf(registration, existing);
    const now = this.deps.clock.now();
    const timing = timingOf(registration, null);
    const refusal = startRefusal(timing, now);
    if (refusal) throw AppError.of(refusal);
    const checkIn = await readPresentedState(this.checkIns, registration, now);
    if (!checkIn.canEnter) {
      throw AppError.of(
        'CHECK_IN_NOT_ALLOWED',
        `start blocked: ${checkIn.enterBlock ?? 'unknown'}`,
      );
    }
    const paper = await this.repo.formalPaper(registration.examId);
    const content = paper ? await this.repo.paperContent(paper.id) : null;
    if (!paper || !content) throw AppError.of('PAPER_MISSING');
    const seed = Math.floor(Math.random() * 2 ** 31);
    const layout = layoutOfPaper(content, seed);
    const { row, created } = await this.repo.startFormal(
      {
        schoolId: registration.schoolId,
        sessionId: registration.sessionId,
        registrationId,
        paperId: paper.id,
        kind: 'formal',
        shuffleSeed: seed,
        layout,
        startedAt: now,
        lastActivityAt: now,
        // The page that starts it is there: outages are counted from here (outage-service.ts).
        lastSeenAt: now,
        deadlineAt: attemptDeadline(timing),
        idleSubmitMinutes: timing.inactivitySubmitMinutes,
      },
      now,
    );
    if (created) await this.record(actor, registration, 'attempt.started');
    return this.viewOf(registration, row, content);
  }

  async save(
    user: SessionUser,
    registrationId: string,
    paperQuestionId: string,
    body: { answer: Answer; seq: number },
  ): Promise<{ seq: number; late: boolean }> {
    const now = this.deps.clock.now();
    let own = await this.repo.ownAttemptForSave(user.id, registrationId, now);
    if (
      own?.attempt &&
      answerAcceptance(timingOf(own, own.attempt), now, this.graceSeconds) !== 'on_time'
    ) {
      // Never refused or marked late on a remembered deadline: an outage's compensation, or
      // extra time given on another node, may have moved it since.
      own = await this.repo.ownAttemptForSave(user.id, registrationId, now, true);
    }
    if (own?.examKind !== 'written') throw AppError.notFound('registration');
    const refusal = checkInRefusal(own, 'change');
    if (refusal) throw refusal;
    const row = own.attempt;
    if (!row) throw AppError.of('QUESTION_NOT_IN_ATTEMPT');
    return saveIntoAttempt(
      {
        papers: this.repo,
        answers: this.answers,
        now,
        graceSeconds: this.graceSeconds,
      },
      row,
      timingOf(own, row),
      paperQuestionId,
      body,
    );
  }

  async submit(actor: Actor, registrationId: string): Promise<AttemptView> {
    const registration = await this.ownWrittenRegistration(actor.user, registrationId);
    const row = await this.repo.formalAttemptOf(registrationId);
    if (!row) throw AppError.of('ATTEMPT_NOT_OPEN_YET');
    if (row.state !== 'in_progress') return this.viewOf(registration, row);
    const now = this.deps.clock.now();
    const refusal = manualSubmitRefusal(timingOf(registration, row), now);
    if (refusal) throw AppError.of(refusal);
    const face = await this.deps.submitFace?.status(registration, row);
    if (face && !face.canSubmit) throw AppError.of('FACE_CHECK_AT_SUBMIT_REQUIRED');
    const submitted = await this.submitRow(row, () => ({ reason: 'manual', at: now }));
    if (submitted) await this.record(actor, registration, 'attempt.submitted');
    const latest = submitted ?? (await this.repo.formalAttemptOf(registrationId)) ?? row;
    return this.viewOf(registration, latest);
  }

  /**
   * The deadline sweep's part: submits the attempt when the server's clock says it is due (the
   * deadline and its grace passed, or inactivity), dated when it fell due. Idempotent: run twice,
   * or on two nodes at once, the second finds it submitted. True when this call submitted it.
   */
  async submitIfDue(attemptId: string, papers: PaperCache = new Map()): Promise<boolean> {
    const row = await this.repo.attemptById(attemptId);
    const registration = row ? await this.checkIns.registration(row.registrationId) : undefined;
    if (!row || !registration) return false;
    const now = this.deps.clock.now();
    const submitted = await this.submitRow(
      row,
      (locked) =>
        dueSubmission(
          timingOf(registration, locked),
          locked.lastActivityAt,
          now,
          this.graceSeconds,
          {
            lastSeenAt: locked.lastSeenAt,
            awayAfterSeconds: outageRulesOf(registration.rules).thresholdSeconds,
          },
        ),
      papers,
    );
    if (!submitted) return false;
    await this.deps.audit.record({
      schoolId: registration.schoolId,
      actorId: null,
      action: 'attempt.submitted',
      targetType: 'registration',
      targetId: registration.registrationId,
      detail: `${registration.admissionNumber} ${submitted.submitReason ?? ''}`,
    });
    return true;
  }

  /**
   * Submits `row` as `decide` says on the locked row, objective questions scored under the lock;
   * null when it was no longer in progress. Every submit goes through here (强制交卷 too).
   */
  async submitRow(
    row: AttemptRow,
    decide: (locked: AttemptRow) => { reason: SubmitReason; at: Date } | null,
    papers: PaperCache = new Map(),
  ) {
    let loading = papers.get(row.paperId);
    if (!loading) {
      loading = this.repo.paperContent(row.paperId);
      papers.set(row.paperId, loading);
    }
    const content = await loading;
    const questions = new Map(
      (content?.sections ?? []).flatMap((section) => section.questions).map((q) => [q.id, q]),
    );
    return this.repo.submit(row.id, decide, (answers) => {
      const given = new Map(answers.map((answer) => [answer.paperQuestionId, answer.answer]));
      let points = 0;
      for (const { paperQuestionId } of row.layout.questions) {
        const question = questions.get(paperQuestionId);
        if (!question) continue;
        const score = scoreObjective(
          question.content,
          given.get(paperQuestionId) ?? null,
          question.points,
        );
        points += score?.points ?? 0;
      }
      return Math.round(points * 100) / 100;
    });
  }

  private get graceSeconds(): number {
    return this.deps.answerGraceSeconds ?? DEFAULT_ANSWER_GRACE_SECONDS;
  }

  /** The candidate's own registration of a written exam; `change` refuses a withdrawn one. */
  private async ownWrittenRegistration(
    user: SessionUser,
    registrationId: string,
    purpose: 'read' | 'change' = 'change',
  ) {
    const registration = await this.checkIns.ownRegistration(user.id, registrationId);
    if (registration?.examKind !== 'written') throw AppError.notFound('registration');
    const refusal = checkInRefusal(registration, purpose);
    if (refusal) throw refusal;
    return registration;
  }

  private async viewOf(
    registration: CheckInRegistration,
    row: AttemptRow,
    known?: PaperContent,
  ): Promise<AttemptView> {
    const content = known ?? (await this.repo.paperContent(row.paperId));
    if (!content) throw AppError.of('PAPER_MISSING');
    const timing = timingOf(registration, row);
    const [saved, submitFace, warnings] = await Promise.all([
      this.answers.answersOf(row.id),
      row.state === 'in_progress' ? this.deps.submitFace?.status(registration, row) : null,
      this.deps.warnings?.unconfirmedOf(row.id) ?? [],
    ]);
    const sections = candidateSections(content, row.layout);
    const idle = inactivitySubmitAt(timing, row.lastActivityAt);
    return {
      attemptId: row.id,
      state: row.state,
      title: content.paper.title,
      startedAt: row.startedAt.toISOString(),
      deadline: attemptDeadline(timing).toISOString(),
      submitOpensAt: submitOpensAt(timing).toISOString(),
      inactivitySubmitAt: idle?.toISOString() ?? null,
      sections,
      answers: [...saved].map(([paperQuestionId, { answer, seq }]) => ({
        paperQuestionId,
        answer,
        seq,
      })),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      submitReason: row.submitReason,
      submitFace: submitFace ?? null,
      compensationMinutes: row.compensationMinutes,
      warnings: warnings.map(presentWarning),
    };
  }

  private record(actor: Actor, registration: CheckInRegistration, action: AuditAction) {
    return this.deps.audit.recordBy(actor, {
      schoolId: registration.schoolId,
      action,
      targetType: 'registration',
      targetId: registration.registrationId,
      detail: `${registration.examName} ${registration.sessionName} ${registration.admissionNumber}`,
    });
  }
}

/** The attempt's timing from the exam's rules, the session and the candidate's allowances. */
export function timingOf(
  registration: Pick<CheckInRegistration, 'rules' | 'startsAt' | 'endsAt'>,
  row: AttemptRow | null,
): AttemptTiming {
  const { rules } = registration;
  return {
    sessionStartsAt: registration.startsAt,
    sessionEndsAt: registration.endsAt,
    durationMinutes: rules.durationMinutes,
    minMinutesBeforeSubmit: rules.minMinutesBeforeSubmit,
    inactivitySubmitMinutes: rules.inactivitySubmitMinutes,
    extraMinutes: row?.extraMinutes ?? 0,
    compensationMinutes: row?.compensationMinutes ?? 0,
  };
}
