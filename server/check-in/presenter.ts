import type { CheckInState, FaceCheckResult, StaffCheckInRow } from '../../shared/api/check-in.js';
import type { StepState } from '../../shared/enums.js';
import { sessionStatusAt } from '../exams/session-status.js';
import { phoneStateOf } from '../realtime/presence.js';
import type { CheckInRecord, CheckInRegistration, FaceCheckRow } from './repo.js';
import {
  NOTHING_STORED,
  currentStepOf,
  enterDecision,
  faceAttemptsAllowed,
  faceRetryOptions,
  requiredSteps,
  resolveSteps,
  type FaceHistory,
  type ResolvedSteps,
  type StoredStepState,
} from './state-machine.js';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** `not_required` is never stored; should a row hold it anyway, it reads as not done yet. */
const storedState = (state: StepState): StoredStepState =>
  state === 'not_required' ? 'pending' : state;

/** Each step's resolved state (with `not_required` from the rules). */
export function resolvedStepsOf(
  registration: Pick<CheckInRegistration, 'rules'>,
  record: CheckInRecord | null,
): ResolvedSteps {
  const stored = record
    ? {
        device: storedState(record.deviceState),
        face: storedState(record.faceState),
        pledge: storedState(record.pledgeState),
        phone: storedState(record.phoneState),
      }
    : NOTHING_STORED;
  return resolveSteps(stored, requiredSteps(registration.rules, record?.deviceReport ?? null));
}

/** What the check-in's own face checks say (rows of any source, newest first). */
export function faceHistoryOf(rows: Pick<FaceCheckRow, 'source' | 'verdict'>[]): FaceHistory {
  const own = rows.filter((row) => row.source === 'check_in');
  return {
    lastVerdict: own[0]?.verdict ?? null,
    livenessFailures: own.filter((row) => row.verdict === 'liveness_failed').length,
  };
}

/** The steps block of a check-in, as the candidate and staff see it. */
export function presentSteps(
  registration: Pick<CheckInRegistration, 'rules'>,
  record: CheckInRecord | null,
  history: FaceHistory,
  now: Date,
): CheckInState['steps'] {
  const steps = resolvedStepsOf(registration, record);
  const attempts = record?.faceAttempts ?? 0;
  const attemptsAllowed = faceAttemptsAllowed(registration.rules);
  const options = faceRetryOptions({ ...history, attempts, attemptsAllowed });
  // Retry and continue belong to a pending step; a passed or flagged one is done with.
  const isPending = steps.face === 'pending';
  return {
    device: {
      state: steps.device,
      checkedAt: iso(record?.deviceCheckedAt ?? null),
      report: record?.deviceReport ?? null,
    },
    face: {
      state: steps.face,
      attempts,
      attemptsAllowed,
      attemptsLeft: options.attemptsLeft,
      canRetry: isPending && options.canRetry,
      canContinue: isPending && options.canContinue,
      score: record?.faceScore ?? null,
      lastVerdict: history.lastVerdict,
      checkedAt: iso(record?.faceCheckedAt ?? null),
      confirmedAt: iso(record?.faceConfirmedAt ?? null),
    },
    pledge: { state: steps.pledge, agreedAt: iso(record?.pledgeAgreedAt ?? null) },
    phone: {
      state: steps.phone,
      // The sockets' rule (realtime/presence.ts), so HTTP and `phone:status` never disagree.
      connection: phoneStateOf(
        { isPaired: record?.phonePairedAt != null, lastSeenAt: record?.phoneLastSeenAt ?? null },
        now,
      ),
      pairedAt: iso(record?.phonePairedAt ?? null),
      lastSeenAt: iso(record?.phoneLastSeenAt ?? null),
      faceVerdict: record?.phoneFaceVerdict ?? null,
    },
  };
}

/**
 * A registration's check-in as its candidate sees it: every field computed on the server from
 * the stored row, the exam's rules and the server clock. The realtime layer may reuse it.
 */
export function presentCheckInState(
  registration: CheckInRegistration,
  record: CheckInRecord | null,
  history: FaceHistory,
  now: Date,
): CheckInState {
  const { rules } = registration;
  const status = sessionStatusAt(now, registration, rules.preEntryMinutes);
  const steps = resolvedStepsOf(registration, record);
  return {
    registrationId: registration.registrationId,
    candidateName: registration.candidateName,
    examName: registration.examName,
    examKind: registration.examKind,
    sessionName: registration.sessionName,
    serverTime: now.toISOString(),
    startsAt: registration.startsAt.toISOString(),
    endsAt: registration.endsAt.toISOString(),
    checkInOpensAt: new Date(
      registration.startsAt.getTime() - rules.preEntryMinutes * 60_000,
    ).toISOString(),
    status,
    currentStep: currentStepOf(steps),
    steps: presentSteps(registration, record, history, now),
    pledgeText: registration.pledgeText,
    noticeText: registration.noticeText,
    phoneAsPrimaryAllowed: rules.phoneAsPrimaryAllowed,
    screenShareRequired: rules.screenShareRequired,
    mediaQuality: rules.mediaQuality,
    ...enterDecision({ status, attendance: registration.attendance, steps }),
  };
}

export function presentFaceCheck(row: FaceCheckRow): FaceCheckResult {
  return {
    id: row.id,
    source: row.source,
    verdict: row.verdict,
    score: row.score,
    threshold: row.threshold,
    quality: row.quality,
    liveness: row.liveness,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One candidate's check-in as staff of the session see it. */
export function presentStaffRow(
  registration: CheckInRegistration,
  record: CheckInRecord | null,
  faceChecks: FaceCheckRow[],
  hasReferencePhoto: boolean,
  now: Date,
): StaffCheckInRow {
  return {
    registrationId: registration.registrationId,
    candidateName: registration.candidateName,
    admissionNumber: registration.admissionNumber,
    hasReferencePhoto,
    currentStep: currentStepOf(resolvedStepsOf(registration, record)),
    steps: presentSteps(registration, record, faceHistoryOf(faceChecks), now),
    faceChecks: faceChecks.map(presentFaceCheck),
  };
}
