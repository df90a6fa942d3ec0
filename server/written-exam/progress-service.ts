import type { AttemptProgress } from '../../shared/api/attempt-progress.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { StaffDuty } from '../../shared/enums.js';
import { isAnswered } from '../../shared/questions/answered.js';
import type { Actor } from '../audit/audit-log.js';
import { sessionWithDuties } from '../check-in/policy.js';
import type { CheckInRegistration, CheckInRepo } from '../check-in/repo.js';
import { AppError } from '../errors/app-error.js';
import type { RouteDeps } from '../route-deps.js';
import { assertManagesExam } from '../roster/policy.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import { attemptDeadline } from './attempt-clock.js';
import type { AnswerStore } from './answer-store.js';
import type { AttemptEventRepo, AttemptEventSummary } from './attempt-event-repo.js';
import type { AttemptRepo, AttemptRow } from './attempt-repo.js';
import { timingOf, type AttemptService } from './attempt-service.js';
import type { OutageRepo, OutageRow } from './outage-repo.js';
import { PRESENCE_STALE_SECONDS } from './outage-rule.js';
import type { WarningCounts, WarningRepo } from './warning-repo.js';

type Deps = Pick<RouteDeps, 'clock' | 'audit'> & {
  /** The candidate's page is to read the attempt again (attempt-change-feed.ts). */
  onAttemptChanged?: (registrationId: string) => void;
};

/**
 * What staff see of a written session's attempts, the extra time an admin gives one candidate
 * (issue 14 §3, §6), and 强制交卷 by a proctor (issue 15 §2). The deadline is kept in step with
 * the extra time (the sweep reads it), and never passes the session's end.
 */
export class AttemptProgressService {
  constructor(
    private readonly repo: AttemptRepo,
    private readonly answers: AnswerStore,
    private readonly checkIns: CheckInRepo,
    private readonly sessions: SessionRosterRepo,
    private readonly deps: Deps,
    private readonly events: AttemptEventRepo,
    private readonly outages: Pick<OutageRepo, 'outagesOf'>,
    private readonly attempts: Pick<AttemptService, 'submitRow'>,
    private readonly warnings: Pick<WarningRepo, 'countsOf'>,
  ) {}

  async list(user: SessionUser, sessionId: string) {
    const { duties } = await sessionWithDuties(this.sessions, user, sessionId);
    const [registrations, { attempts, answers }] = await Promise.all([
      this.checkIns.sessionRegistrations(sessionId),
      this.repo.sessionAttempts(sessionId),
    ]);
    const answered = new Map<string, number>();
    for (const { attemptId, answer } of answers) {
      if (isAnswered(answer)) answered.set(attemptId, (answered.get(attemptId) ?? 0) + 1);
    }
    const byRegistration = new Map(attempts.map((row) => [row.registrationId, row]));
    const ids = attempts.map((row) => row.id);
    const [events, outages, warnings] = await Promise.all([
      this.events.summaries(ids),
      this.outages.outagesOf(ids),
      this.warnings.countsOf(ids),
    ]);
    const now = this.deps.clock.now();
    return {
      serverTime: now.toISOString(),
      canForceSubmit: canForceSubmit(user, duties),
      items: registrations.map((registration) => {
        const row = byRegistration.get(registration.registrationId) ?? null;
        return progressOf(registration, row, answered, now, {
          events: row ? events.get(row.id) : undefined,
          outages: row ? (outages.get(row.id) ?? []) : [],
          warnings: row ? warnings.get(row.id) : undefined,
        });
      }),
    };
  }

  async addTime(actor: Actor, registrationId: string, minutes: number): Promise<AttemptProgress> {
    const registration = await this.checkIns.registration(registrationId);
    const session = registration ? await this.sessions.findSession(registration.sessionId) : null;
    if (!registration || !session) throw AppError.notFound('registration');
    assertManagesExam(actor.user, session);
    const outcome = await this.repo.addExtraTime(registrationId, minutes, (locked, extra) =>
      attemptDeadline({ ...timingOf(registration, locked), extraMinutes: extra }),
    );
    if (outcome === 'missing') throw AppError.of('ATTEMPT_NOT_OPEN_YET');
    if (outcome === 'closed') throw AppError.of('ATTEMPT_CLOSED');
    if (outcome === 'capped') throw AppError.of('EXTRA_TIME_BEYOND_SESSION');
    await this.deps.audit.recordBy(actor, {
      schoolId: registration.schoolId,
      action: 'attempt.time_added',
      targetType: 'registration',
      targetId: registrationId,
      detail: `${registration.admissionNumber} +${String(minutes)} min → ${outcome.deadlineAt.toISOString()}`,
    });
    this.deps.onAttemptChanged?.(registrationId);
    return this.progressOfOne(registration, outcome);
  }

  /**
   * 强制交卷: submits one candidate's attempt in progress now, like every submit (objective
   * questions scored under the row lock), dated by the server's clock; for the session's proctors
   * and the exam's admins, audited with the reason. The candidate's page is told at once.
   */
  async forceSubmit(
    actor: Actor,
    registrationId: string,
    reason: string,
  ): Promise<AttemptProgress> {
    const registration = await this.checkIns.registration(registrationId);
    if (!registration) throw AppError.notFound('registration');
    const { duties } = await sessionWithDuties(this.sessions, actor.user, registration.sessionId);
    if (!canForceSubmit(actor.user, duties)) throw AppError.forbidden('not a proctor here');
    const row = await this.repo.formalAttemptOf(registrationId);
    if (!row) throw AppError.of('ATTEMPT_NOT_OPEN_YET');
    if (row.state !== 'in_progress') throw AppError.of('ATTEMPT_ALREADY_SUBMITTED');
    const at = this.deps.clock.now();
    const submitted = await this.attempts.submitRow(row, () => ({ reason: 'forced', at }));
    // Null: submitted meanwhile (the candidate, the sweep, another proctor).
    if (!submitted) throw AppError.of('ATTEMPT_ALREADY_SUBMITTED');
    await this.deps.audit.recordBy(actor, {
      schoolId: registration.schoolId,
      action: 'attempt.force_submitted',
      targetType: 'registration',
      targetId: registrationId,
      detail: `${registration.admissionNumber}: ${reason}`,
    });
    this.deps.onAttemptChanged?.(registrationId);
    return this.progressOfOne(registration, submitted);
  }

  /** What staff see of one candidate's attempt (the row of the list). */
  async progressOfOne(
    registration: CheckInRegistration,
    row: AttemptRow,
  ): Promise<AttemptProgress> {
    const saved = [...(await this.answers.answersOf(row.id)).values()];
    const count = saved.filter(({ answer }) => isAnswered(answer)).length;
    const [events, outages, warnings] = await Promise.all([
      this.events.summaries([row.id]),
      this.outages.outagesOf([row.id]),
      this.warnings.countsOf([row.id]),
    ]);
    return progressOf(registration, row, new Map([[row.id, count]]), this.deps.clock.now(), {
      events: events.get(row.id),
      outages: outages.get(row.id) ?? [],
      warnings: warnings.get(row.id),
    });
  }
}

/**
 * 强制交卷 (and 发送提醒) is the session's proctors' and the exam's admins' (who see the session
 * already).
 */
export function canForceSubmit(user: SessionUser, duties: StaffDuty[]): boolean {
  return (
    user.role === 'school_admin' || user.role === 'college_admin' || duties.includes('proctor')
  );
}

/**
 * Whether the server sees the attempt's PC page now: not while an outage is open, nor once its
 * last sighting is older than PRESENCE_STALE_SECONDS (a closed tab, a dead network).
 */
function connectionOf(row: AttemptRow, outages: OutageRow[], now: Date): 'online' | 'away' {
  if (outages.some((outage) => outage.endedAt === null)) return 'away';
  const seen = row.lastSeenAt?.getTime();
  return seen !== undefined && now.getTime() - seen <= PRESENCE_STALE_SECONDS * 1000
    ? 'online'
    : 'away';
}

function progressOf(
  registration: CheckInRegistration,
  row: AttemptRow | null,
  answered: Map<string, number>,
  now: Date,
  log: {
    events: AttemptEventSummary | undefined;
    outages: OutageRow[];
    warnings: WarningCounts | undefined;
  },
): AttemptProgress {
  const { events, outages, warnings } = log;
  const connection = row?.state === 'in_progress' ? connectionOf(row, outages, now) : null;
  // A share never outlives its page: a page gone is not sharing, whatever it said last.
  const isSharing =
    registration.rules.screenShareRequired && row?.state === 'in_progress'
      ? events?.lastShare === 'screen_share_started' && connection === 'online'
      : null;
  return {
    registrationId: registration.registrationId,
    admissionNumber: registration.admissionNumber,
    candidateName: registration.candidateName,
    state: row?.state ?? 'not_started',
    startedAt: row?.startedAt.toISOString() ?? null,
    answeredCount: row ? (answered.get(row.id) ?? 0) : 0,
    questionCount: row?.layout.questions.length ?? 0,
    deadline: row?.deadlineAt.toISOString() ?? null,
    lastActivityAt: row?.lastActivityAt.toISOString() ?? null,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    submitReason: row?.submitReason ?? null,
    extraMinutes: row?.extraMinutes ?? 0,
    compensationMinutes: row?.compensationMinutes ?? 0,
    connection,
    outages: outages.map((outage) => ({
      startedAt: outage.startedAt.toISOString(),
      endedAt: outage.endedAt?.toISOString() ?? null,
      lostSeconds: outage.lostSeconds,
      compensationMinutes: outage.compensationMinutes,
      outcome: outage.outcome,
    })),
    screenShared: isSharing,
    pageHiddenCount: events?.pageHiddenCount ?? 0,
    signalCounts: events?.signalCounts ?? {},
    warningsSent: warnings?.sent ?? 0,
    warningsUnconfirmed: warnings?.unconfirmed ?? 0,
  };
}
