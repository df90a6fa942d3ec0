import type { FaceCheckResult } from '../../shared/api/check-in.js';
import { PAIRING_TOKEN_TTL_SECONDS, type PhoneSession } from '../../shared/api/phone.js';
import type { SessionUser } from '../../shared/api/auth.js';
import type { StepState } from '../../shared/enums.js';
import type { AuditLog } from '../audit/audit-log.js';
import { randomToken, sha256Hex } from '../auth/tokens.js';
import type { CheckInChangeFeed } from '../check-in/change-feed.js';
import { faceRetryOptions } from '../check-in/state-machine.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { sessionStatusAt } from '../exams/session-status.js';
import { examEndAt } from '../admission-tickets/exam-progress.js';
import type { PhoneFaceChecks } from './face-check-port.js';
import type { PairedPhoneRow, PhoneRegistrationRow, PhoneRepo } from './repo.js';

/** Attempts before the phone may go on without a match: the first one and the exam's retries. */
export function phoneAttemptsAllowed(rules: { faceCheckRetries: number }): number {
  return 1 + rules.faceCheckRetries;
}

/** 重拍 and 继续 after a failed photo: the check-in's rule (the phone's photo has no liveness). */
function phoneRetryOptions(row: PairedPhoneRow, attempts: number) {
  return faceRetryOptions({
    lastVerdict: row.phoneFaceVerdict,
    livenessFailures: 0,
    attempts,
    attemptsAllowed: phoneAttemptsAllowed(row.rules),
  });
}

/**
 * 双机位: the PC asks for a short-lived QR token; the phone claims it once and receives a device
 * secret (its cookie); a newer phone replaces the older. The phone then takes a verification
 * photo (a failure goes on, flagged for review: docs/journeys.md J3) and starts its camera (进入考试监控).
 * Tokens and device secrets are stored only as hashes.
 */
export class PhoneService {
  constructor(
    private readonly repo: PhoneRepo,
    private readonly faceChecks: PhoneFaceChecks,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly changes: CheckInChangeFeed,
  ) {}

  /** A QR token for the candidate's own registration, under the check-in's access rules. */
  async createPairing(
    user: SessionUser,
    registrationId: string,
  ): Promise<{ token: string; expiresAt: string }> {
    const row = await this.repo.ownRegistration(user.id, registrationId);
    if (!row) throw AppError.notFound('registration');
    const now = this.clock.now();
    assertCheckInOpen(row, now);
    const token = randomToken(32);
    const expiresAt = new Date(now.getTime() + PAIRING_TOKEN_TTL_SECONDS * 1000);
    await this.repo.createPairing({
      schoolId: row.schoolId,
      registrationId,
      tokenHash: sha256Hex(token),
      expiresAt,
      now,
    });
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /** The phone claims a scanned token; returns its session and the device secret to keep. */
  async claim(
    token: string,
    clientAddress: string | null,
  ): Promise<{ session: PhoneSession; deviceSecret: string }> {
    const pairing = await this.repo.pairingByTokenHash(sha256Hex(token));
    if (!pairing) throw AppError.of('PAIRING_TOKEN_INVALID');
    if (pairing.claimedAt) throw AppError.of('PAIRING_TOKEN_USED');
    const now = this.clock.now();
    // A token revoked before being scanned was replaced by a newer QR code: it has expired.
    if (pairing.revokedAt || pairing.expiresAt <= now) throw AppError.of('PAIRING_TOKEN_EXPIRED');
    const row = await this.repo.registrationById(pairing.registrationId);
    if (!row) throw AppError.of('PAIRING_TOKEN_INVALID');
    assertCheckInOpen(row, now);

    const deviceSecret = randomToken(32);
    const claimed = await this.repo.claim({
      pairingId: pairing.id,
      registrationId: row.registrationId,
      schoolId: row.schoolId,
      deviceSecretHash: sha256Hex(deviceSecret),
      now,
    });
    if (!claimed) {
      const again = await this.repo.pairingByTokenHash(pairing.tokenHash);
      throw AppError.of(again?.claimedAt ? 'PAIRING_TOKEN_USED' : 'PAIRING_TOKEN_EXPIRED');
    }
    const replaced = claimed.revokedPairingIds.length > 0;
    await this.audit.record({
      schoolId: row.schoolId,
      actorId: row.userId,
      action: 'phone.paired',
      targetType: 'registration',
      targetId: row.registrationId,
      detail: `${row.examName} ${row.admissionNumber}${replaced ? ' (replaced the paired phone)' : ''}`,
      ...(clientAddress ? { ip: clientAddress } : {}),
    });
    this.changes.publish({ registrationId: row.registrationId, sessionId: row.sessionId });
    return { session: await this.session(deviceSecret), deviceSecret };
  }

  /** The phone page after a reload: who it films and where it stands. */
  async session(deviceSecret: string | undefined): Promise<PhoneSession> {
    return this.present(await this.paired(deviceSecret));
  }

  /** 拍照验证: one photo, compared like the PC's face check; failures may go on. */
  async submitFaceCheck(
    deviceSecret: string | undefined,
    image: string,
    clientAddress: string | null,
  ): Promise<{ result: FaceCheckResult; session: PhoneSession }> {
    const row = await this.paired(deviceSecret);
    const now = this.clock.now();
    assertMonitoringOpen(row, now);
    if (row.startedAt) throw AppError.of('CONFLICT', 'The phone camera has already started');
    const attempts = await this.attemptsOf(row);
    if (row.phoneFaceVerdict === 'match' || attempts >= phoneAttemptsAllowed(row.rules)) {
      throw AppError.of('CONFLICT', 'No verification photo is needed any more');
    }
    // The face check stores the snapshot, audits `phone.face_checked` and publishes the change.
    const { result } = await this.faceChecks.check({
      registrationId: row.registrationId,
      schoolId: row.schoolId,
      userId: row.userId,
      source: 'phone',
      image,
      liveness: null,
      clientAddress,
    });
    await this.repo.setPhoneFaceVerdict(row.registrationId, row.schoolId, result.verdict, now);
    this.changes.publish({ registrationId: row.registrationId, sessionId: row.sessionId });
    return { result, session: await this.session(deviceSecret) };
  }

  /**
   * 进入考试监控: the phone starts publishing. With a required face check it needs a photo first
   * (a match, or any verdict once the attempts are used up); the phone step passes on a match or
   * when no check is required, and is flagged for review otherwise.
   */
  async start(deviceSecret: string | undefined): Promise<PhoneSession> {
    const row = await this.paired(deviceSecret);
    const now = this.clock.now();
    assertMonitoringOpen(row, now);
    const verdict = row.phoneFaceVerdict;
    if (row.rules.faceCheckRequired) {
      if (verdict === null) throw AppError.of('STEP_OUT_OF_ORDER', 'Take the verification photo');
      const { canContinue } = phoneRetryOptions(row, await this.attemptsOf(row));
      if (verdict !== 'match' && !canContinue) throw AppError.of('FACE_RETRIES_LEFT');
    }
    const phoneState: StepState =
      !row.rules.faceCheckRequired || verdict === 'match' ? 'passed' : 'flagged';
    const startedAt = await this.repo.start({
      pairingId: row.pairingId,
      registrationId: row.registrationId,
      schoolId: row.schoolId,
      phoneState,
      now,
    });
    if (!startedAt) throw AppError.of('PHONE_NOT_PAIRED');
    this.changes.publish({ registrationId: row.registrationId, sessionId: row.sessionId });
    return this.session(deviceSecret);
  }

  private async paired(deviceSecret: string | undefined): Promise<PairedPhoneRow> {
    const row = deviceSecret ? await this.repo.pairedByDeviceHash(sha256Hex(deviceSecret)) : null;
    if (!row) throw AppError.of('PHONE_NOT_PAIRED');
    return row;
  }

  private attemptsOf(row: PairedPhoneRow): Promise<number> {
    return row.claimedAt
      ? this.repo.phoneFaceAttemptsSince(row.registrationId, row.claimedAt)
      : Promise.resolve(0);
  }

  private async present(row: PairedPhoneRow): Promise<PhoneSession> {
    const attempts = await this.attemptsOf(row);
    const options = phoneRetryOptions(row, attempts);
    return {
      pairingId: row.pairingId,
      registrationId: row.registrationId,
      candidateName: row.candidateName,
      examName: row.examName,
      sessionName: row.sessionName,
      admissionNumber: row.admissionNumber,
      faceCheckRequired: row.rules.faceCheckRequired,
      faceVerdict: row.phoneFaceVerdict,
      faceAttempts: attempts,
      attemptsAllowed: phoneAttemptsAllowed(row.rules),
      attemptsLeft: options.attemptsLeft,
      canRetry: options.canRetry,
      canContinue: options.canContinue,
      startedAt: row.startedAt?.toISOString() ?? null,
      examEnd: examEndAt(this.clock.now(), row),
    };
  }
}

/** A paired phone may take its photo and start only while the exam is not over for it. */
function assertMonitoringOpen(row: PairedPhoneRow, now: Date): void {
  assertCheckInOpen(row, now);
  if (examEndAt(now, row)) throw AppError.of('CHECK_IN_CLOSED');
}

/** The check-in's access rules: attendance and roster data confirmed, the session open. */
function assertCheckInOpen(row: PhoneRegistrationRow, now: Date): void {
  if (row.attendance !== 'confirmed' || !row.identityConfirmedAt) {
    throw AppError.of('CHECK_IN_NOT_ALLOWED');
  }
  const status = sessionStatusAt(now, row, row.rules.preEntryMinutes);
  if (status === 'not_started') throw AppError.of('CHECK_IN_NOT_OPEN');
  if (status === 'ended') throw AppError.of('CHECK_IN_CLOSED');
}
