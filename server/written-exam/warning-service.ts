import type { AttemptProgress } from '../../shared/api/attempt-progress.js';
import type { AttemptWarning } from '../../shared/api/written-exam.js';
import type { Actor } from '../audit/audit-log.js';
import { checkInRefusal, sessionWithDuties } from '../check-in/policy.js';
import type { CheckInRepo } from '../check-in/repo.js';
import { AppError } from '../errors/app-error.js';
import type { RouteDeps } from '../route-deps.js';
import type { SessionRosterRepo } from '../roster/repo.js';
import type { AttemptRepo } from './attempt-repo.js';
import { canForceSubmit, type AttemptProgressService } from './progress-service.js';
import { presentWarning } from './warning-presenter.js';
import type { WarningRepo } from './warning-repo.js';

type Deps = Pick<RouteDeps, 'clock' | 'audit'> & {
  /** The candidate's page is to read the attempt again (attempt-change-feed.ts). */
  onAttemptChanged?: (registrationId: string) => void;
};

/**
 * 发送提醒 (issue 15 §2): a session's proctor (or the exam's admin) sends one candidate in
 * progress a reminder; it stays open until the candidate confirms it (我已知晓). Both audited.
 */
export class WarningService {
  constructor(
    private readonly repo: WarningRepo,
    private readonly attempts: Pick<AttemptRepo, 'formalAttemptOf'>,
    private readonly checkIns: Pick<CheckInRepo, 'registration' | 'ownRegistration'>,
    private readonly sessions: SessionRosterRepo,
    private readonly progress: Pick<AttemptProgressService, 'progressOfOne'>,
    private readonly deps: Deps,
  ) {}

  /** Sends a reminder to an attempt in progress (ATTEMPT_CLOSED once it is in); the page is told. */
  async send(actor: Actor, registrationId: string, text: string): Promise<AttemptProgress> {
    const registration = await this.checkIns.registration(registrationId);
    if (!registration) throw AppError.notFound('registration');
    const { duties } = await sessionWithDuties(this.sessions, actor.user, registration.sessionId);
    if (!canForceSubmit(actor.user, duties)) throw AppError.forbidden('not a proctor here');
    const row = await this.attempts.formalAttemptOf(registrationId);
    if (!row) throw AppError.of('ATTEMPT_NOT_OPEN_YET');
    if (row.state !== 'in_progress') throw AppError.of('ATTEMPT_CLOSED');
    await this.repo.insert({
      schoolId: registration.schoolId,
      attemptId: row.id,
      sentBy: actor.user.id,
      text,
      sentAt: this.deps.clock.now(),
    });
    await this.deps.audit.recordBy(actor, {
      schoolId: registration.schoolId,
      action: 'attempt.warning_sent',
      targetType: 'registration',
      targetId: registrationId,
      detail: `${registration.admissionNumber}: ${text}`,
    });
    this.deps.onAttemptChanged?.(registrationId);
    return this.progress.progressOfOne(registration, row);
  }

  /** 我已知晓: the candidate confirms one of their own reminders; again changes nothing. */
  async confirm(
    actor: Actor,
    registrationId: string,
    warningId: string,
  ): Promise<{ warnings: AttemptWarning[] }> {
    const registration = await this.checkIns.ownRegistration(actor.user.id, registrationId);
    if (registration?.examKind !== 'written') throw AppError.notFound('registration');
    const refusal = checkInRefusal(registration, 'read');
    if (refusal) throw refusal;
    const row = await this.attempts.formalAttemptOf(registrationId);
    const confirmed = row
      ? await this.repo.confirm(row.id, warningId, this.deps.clock.now())
      : null;
    if (!row || !confirmed) throw AppError.notFound('warning');
    if (confirmed.isNew) {
      await this.deps.audit.recordBy(actor, {
        schoolId: registration.schoolId,
        action: 'attempt.warning_confirmed',
        targetType: 'registration',
        targetId: registrationId,
        detail: `${registration.admissionNumber}: ${confirmed.row.text}`,
      });
    }
    return { warnings: (await this.repo.unconfirmedOf(row.id)).map(presentWarning) };
  }
}
