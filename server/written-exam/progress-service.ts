import type { AttemptProgress } from '../../shared/api/attempt-progress.js';
import type { SessionUser } from '../../shared/api/auth.js';
import { isAnswered } from '../../shared/questions/answered.js';
import type { Actor } from '../audit/audit-log.js';
import { assertSeesSessionCheckIns } from '../check-in/policy.js';
import type { CheckInRegistration, CheckInRepo } from '../check-in/repo.js';
import { AppError } from '../errors/app-error.js';
import type { RouteDeps } from '../route-deps.js';
import { assertManagesExam } from '../roster/policy.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import { attemptDeadline } from './attempt-clock.js';
import type { AnswerStore } from './answer-store.js';
import type { AttemptEventRepo, AttemptEventSummary } from './attempt-event-repo.js';
import type { AttemptRepo, AttemptRow } from './attempt-repo.js';
import { timingOf } from './attempt-service.js';
import type { OutageRepo, OutageRow } from './outage-repo.js';
import { PRESENCE_STALE_SECONDS } from './outage-rule.js';

/**
 * What staff see of a written session's attempts, and the extra time an admin gives one
 * candidate (issue 14 §3, §6). The deadline is kept in step with the extra time (the sweep reads
 * it), and never passes the session's end.
 */
export class AttemptProgressService {
  constructor(
    private readonly repo: AttemptRepo,
    private readonly answers: AnswerStore,
    private readonly checkIns: CheckInRepo,
    private readonly sessions: SessionRosterRepo,
    private readonly deps: Pick<RouteDeps, 'clock' | 'audit'>,
    private readonly events: AttemptEventRepo,
    private readonly outages: Pick<OutageRepo, 'outagesOf'>,
  ) {}

  async list(user: SessionUser, sessionId: string) {
    await assertSeesSessionCheckIns(this.sessions, user, sessionId);
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
    const [events, outages] = await Promise.all([
      this.events.summaries(ids),
      this.outages.outagesOf(ids),
    ]);
    const now = this.deps.clock.now();
    return {
      serverTime: now.toISOString(),
      items: registrations.map((registration) => {
        const row = byRegistration.get(registration.registrationId) ?? null;
        return progressOf(registration, row, answered, now, {
          events: row ? events.get(row.id) : undefined,
          outages: row ? (outages.get(row.id) ?? []) : [],
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
    const saved = [...(await this.answers.answersOf(outcome.id)).values()];
    const count = saved.filter(({ answer }) => isAnswered(answer)).length;
    const [events, outages] = await Promise.all([
      this.events.summaries([outcome.id]),
      this.outages.outagesOf([outcome.id]),
    ]);
    return progressOf(
      registration,
      outcome,
      new Map([[outcome.id, count]]),
      this.deps.clock.now(),
      {
        events: events.get(outcome.id),
        outages: outages.get(outcome.id) ?? [],
      },
    );
  }
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
  log: { events: AttemptEventSummary | undefined; outages: OutageRow[] },
): AttemptProgress {
  const { events, outages } = log;
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
  };
}
