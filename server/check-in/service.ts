import type { SessionUser } from '../../shared/api/auth.js';
import type {
  CheckInState,
  DeviceReport,
  FaceCheckBody,
  FaceCheckResult,
} from '../../shared/api/check-in.js';
import type { CheckInStep } from '../../shared/enums.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { sessionStatusAt } from '../exams/session-status.js';
import type { CheckInChangeFeed } from './change-feed.js';
import type { FaceCheckService } from './face-check-service.js';
import { checkInRefusal } from './policy.js';
import { faceHistoryOf, presentCheckInState, resolvedStepsOf } from './presenter.js';
import type { CheckInRecord, CheckInRegistration, CheckInRepo } from './repo.js';
import {
  deviceStepPasses,
  faceAttemptsAllowed,
  faceRetryOptions,
  mayRunStep,
  timeBlockOf,
  type ResolvedSteps,
} from './state-machine.js';

export interface CheckInServiceDeps {
  audit: AuditLog;
  clock: Clock;
  changes: CheckInChangeFeed;
}

/** A registration opened for a change: its row exists and the time window allows changes. */
interface OpenCheckIn {
  registration: CheckInRegistration;
  record: CheckInRecord | null;
  steps: ResolvedSteps;
}

/**
 * The candidate's own check-in (device → face → pledge → phone). Someone else's registration
 * answers NOT_FOUND; reading always works, changes only between check-in opening and the end.
 */
export class CheckInService {
  constructor(
    private readonly repo: CheckInRepo,
    private readonly faceChecks: FaceCheckService,
    private readonly deps: CheckInServiceDeps,
  ) {}

  async state(user: SessionUser, registrationId: string): Promise<CheckInState> {
    const registration = await this.own(user, registrationId, 'read');
    return this.present(registration);
  }

  /** 设备检测: keeps the latest report; the step follows it, later steps never move back. */
  async saveDeviceReport(
    actor: Actor,
    registrationId: string,
    report: DeviceReport,
  ): Promise<CheckInState> {
    const { registration } = await this.open(actor.user, registrationId, 'device');
    const passes = deviceStepPasses(report, registration.rules);
    const now = this.deps.clock.now();
    await this.repo.updateCheckIn(
      registrationId,
      { deviceReport: report, deviceCheckedAt: now, deviceState: passes ? 'passed' : 'pending' },
      now,
    );
    await this.audit(actor, registration, 'check_in.device_checked', passes ? 'passed' : 'pending');
    return this.changed(registration);
  }

  /**
   * 人脸识别 at check-in. While the step is pending each check counts as an attempt; a match
   * passes it and its embedding becomes the reference for later re-checks. Once the step is
   * passed or flagged, further checks are recorded for staff but change nothing.
   */
  async submitFace(
    actor: Actor,
    registrationId: string,
    body: FaceCheckBody,
  ): Promise<{ result: FaceCheckResult; state: CheckInState }> {
    const { registration, steps } = await this.open(actor.user, registrationId, 'face');
    const pending = steps.face === 'pending';
    const now = this.deps.clock.now();
    // The server counts the attempts: the exam's retries are enforced here, whatever the page says.
    if (pending) {
      const allowed = faceAttemptsAllowed(registration.rules);
      const taken = await this.repo.takeFaceAttempt(registrationId, allowed, now);
      if (taken === null) throw AppError.of('FACE_ATTEMPTS_USED_UP');
    }
    let outcome: Awaited<ReturnType<FaceCheckService['check']>>;
    try {
      outcome = await this.faceChecks.check({
        registrationId,
        schoolId: registration.schoolId,
        userId: registration.userId,
        source: 'check_in',
        image: body.image,
        liveness: body.liveness,
        clientAddress: actor.ip,
      });
    } catch (error) {
      if (pending) await this.repo.returnFaceAttempt(registrationId, now);
      throw error;
    }
    if (pending) {
      await this.repo.updateCheckIn(
        registrationId,
        {
          faceScore: outcome.result.score,
          faceCheckedAt: now,
          ...(outcome.passed ? { faceState: 'passed', faceEmbedding: outcome.embedding } : {}),
        },
        now,
      );
    }
    return { result: outcome.result, state: await this.changed(registration) };
  }

  /**
   * 继续进入 after failed face checks: the step becomes flagged (人脸识别认证未通过) for staff to
   * review; a face check never blocks the exam by itself.
   */
  async continueAfterFaceFailure(actor: Actor, registrationId: string): Promise<CheckInState> {
    const { registration, record, steps } = await this.open(actor.user, registrationId, 'face');
    if (steps.face !== 'pending') return this.present(registration);
    const history = faceHistoryOf(await this.repo.checkInFaceChecks(registrationId));
    const { canContinue } = faceRetryOptions({
      ...history,
      attempts: record?.faceAttempts ?? 0,
      attemptsAllowed: faceAttemptsAllowed(registration.rules),
    });
    if (!canContinue) throw AppError.of('FACE_RETRIES_LEFT');
    const now = this.deps.clock.now();
    await this.repo.updateCheckIn(registrationId, { faceState: 'flagged' }, now);
    await this.audit(actor, registration, 'check_in.face_flagged', history.lastVerdict);
    return this.changed(registration);
  }

  /** 同意 the pledge and notice, once: the first time and address are kept. */
  async agreeToPledge(actor: Actor, registrationId: string): Promise<CheckInState> {
    const { registration, steps } = await this.open(actor.user, registrationId, 'pledge');
    if (steps.pledge !== 'pending') return this.present(registration);
    const now = this.deps.clock.now();
    await this.repo.updateCheckIn(
      registrationId,
      { pledgeState: 'passed', pledgeAgreedAt: now, pledgeAddress: actor.ip },
      now,
    );
    await this.audit(actor, registration, 'check_in.pledge_agreed', null);
    return this.changed(registration);
  }

  private async own(
    user: SessionUser,
    registrationId: string,
    purpose: 'read' | 'change',
  ): Promise<CheckInRegistration> {
    const registration = await this.repo.ownRegistration(user.id, registrationId);
    if (!registration) throw AppError.notFound('registration');
    const refusal = checkInRefusal(registration, purpose);
    if (refusal) throw refusal;
    return registration;
  }

  /** Checks access, time window and step order before a change; creates the row on first use. */
  private async open(
    user: SessionUser,
    registrationId: string,
    step: CheckInStep,
  ): Promise<OpenCheckIn> {
    const registration = await this.own(user, registrationId, 'change');
    const now = this.deps.clock.now();
    const status = sessionStatusAt(now, registration, registration.rules.preEntryMinutes);
    const blocked = timeBlockOf(status);
    if (blocked) throw AppError.of(blocked);
    await this.repo.ensureCheckIn(registrationId, registration.schoolId);
    const record = await this.repo.checkInOf(registrationId);
    const steps = resolvedStepsOf(registration, record);
    if (!mayRunStep(step, steps)) throw AppError.of('STEP_OUT_OF_ORDER');
    return { registration, record, steps };
  }

  private async present(registration: CheckInRegistration): Promise<CheckInState> {
    return readPresentedState(this.repo, registration, this.deps.clock.now());
  }

  /** After a change: tell the listeners (the candidate's other tabs, the staff) and answer. */
  private async changed(registration: CheckInRegistration): Promise<CheckInState> {
    this.deps.changes.publish({
      registrationId: registration.registrationId,
      sessionId: registration.sessionId,
    });
    return this.present(registration);
  }

  private audit(
    actor: Actor,
    registration: CheckInRegistration,
    action: 'check_in.device_checked' | 'check_in.face_flagged' | 'check_in.pledge_agreed',
    detail: string | null,
  ): Promise<void> {
    return this.deps.audit.recordBy(actor, {
      schoolId: registration.schoolId,
      action,
      targetType: 'registration',
      targetId: registration.registrationId,
      ...(detail ? { detail } : {}),
    });
  }
}

/** Read-only access for other layers (realtime): the candidate's state, or null if not theirs. */
export async function readCheckInState(
  repo: CheckInRepo,
  userId: string,
  registrationId: string,
  now: Date,
): Promise<CheckInState | null> {
  const registration = await repo.ownRegistration(userId, registrationId);
  if (!registration) return null;
  return readPresentedState(repo, registration, now);
}

/** A registration's check-in as the candidate sees it, read from its rows now. */
export async function readPresentedState(
  repo: CheckInRepo,
  registration: CheckInRegistration,
  now: Date,
): Promise<CheckInState> {
  const record = await repo.checkInOf(registration.registrationId);
  const history = faceHistoryOf(await repo.checkInFaceChecks(registration.registrationId));
  return presentCheckInState(registration, record, history, now);
}
