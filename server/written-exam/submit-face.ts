import { and, desc, eq, gte } from 'drizzle-orm';
import type { SessionUser } from '../../shared/api/auth.js';
import type { FaceCheckResult } from '../../shared/api/check-in.js';
import { SUBMIT_FACE_FRESH_MINUTES, type SubmitFaceStatus } from '../../shared/api/submit-face.js';
import type { ExamRules } from '../../shared/api/exams.js';
import type { FaceVerdict } from '../../shared/enums.js';
import { checkInRefusal } from '../check-in/policy.js';
import type { FaceCheckService } from '../check-in/face-check-service.js';
import type { CheckInRepo } from '../check-in/repo.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/client.js';
import { faceCheck } from '../db/schema/index.js';
import { AppError } from '../errors/app-error.js';
import type { AttemptRepo } from './attempt-repo.js';

// 交卷时人脸识别 (seed 004, issue 14 §3): the gate 交卷 passes and the check the candidate takes.

interface SubmitCheck {
  verdict: FaceVerdict;
  createdAt: Date;
}

/**
 * What 交卷 needs, from the attempt's face checks newest first: a match (or no reference to
 * compare with: nothing could be checked) within the last minutes; or every allowed photo used,
 * when the attempt goes on flagged rather than leaving a candidate unable to hand in.
 */
export function submitFaceStatus(
  checks: readonly SubmitCheck[],
  attemptsAllowed: number,
  now: Date,
): SubmitFaceStatus {
  const freshSince = now.getTime() - SUBMIT_FACE_FRESH_MINUTES * 60_000;
  const passed = checks.some(
    (check) =>
      (check.verdict === 'match' || check.verdict === 'no_reference') &&
      check.createdAt.getTime() >= freshSince,
  );
  return {
    attemptsUsed: checks.length,
    attemptsAllowed,
    lastVerdict: checks[0]?.verdict ?? null,
    passed,
    canSubmit: passed || checks.length >= attemptsAllowed,
  };
}

/** The face check 交卷 needs, read from the database; null where the exam asks for none. */
export class SubmitFaceGate {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async status(
    registration: { registrationId: string; rules: ExamRules },
    attempt: { startedAt: Date },
  ): Promise<SubmitFaceStatus | null> {
    // Rules saved before the rule existed have no such key: no face check at submit.
    if (!registration.rules.faceCheckAtSubmit) return null;
    const checks = await this.db
      .select({ verdict: faceCheck.verdict, createdAt: faceCheck.createdAt })
      .from(faceCheck)
      .where(
        and(
          eq(faceCheck.registrationId, registration.registrationId),
          eq(faceCheck.source, 'submit'),
          gte(faceCheck.createdAt, attempt.startedAt),
        ),
      )
      .orderBy(desc(faceCheck.seq));
    return submitFaceStatus(checks, registration.rules.faceCheckRetries + 1, this.clock.now());
  }
}

/** The candidate's face check before 交卷: only while their formal attempt is open. */
export class SubmitFaceService {
  constructor(
    private readonly checkIns: CheckInRepo,
    private readonly attempts: Pick<AttemptRepo, 'formalAttemptOf'>,
    private readonly faceChecks: FaceCheckService,
    private readonly gate: SubmitFaceGate,
  ) {}

  async check(
    actor: { user: SessionUser; ip: string | null },
    registrationId: string,
    image: string,
  ): Promise<{ result: FaceCheckResult; status: SubmitFaceStatus }> {
    const registration = await this.checkIns.ownRegistration(actor.user.id, registrationId);
    if (registration?.examKind !== 'written') throw AppError.notFound('registration');
    const refusal = checkInRefusal(registration, 'change');
    if (refusal) throw refusal;
    const row = await this.attempts.formalAttemptOf(registrationId);
    if (!row) throw AppError.of('ATTEMPT_NOT_OPEN_YET');
    if (row.state !== 'in_progress') throw AppError.of('ATTEMPT_CLOSED');
    const before = await this.gate.status(registration, row);
    if (!before) throw AppError.of('FACE_CHECK_AT_SUBMIT_OFF');
    if (before.attemptsUsed >= before.attemptsAllowed) throw AppError.of('FACE_CHECKS_EXHAUSTED');

    const { result } = await this.faceChecks.check({
      registrationId,
      schoolId: registration.schoolId,
      userId: actor.user.id,
      source: 'submit',
      image,
      liveness: null,
      clientAddress: actor.ip,
    });
    const status = await this.gate.status(registration, row);
    if (!status) throw new Error('the rule was checked above');
    return { result, status };
  }
}
