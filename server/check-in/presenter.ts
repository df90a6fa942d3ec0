import type { CheckInState, FaceCheckResult, StaffCheckInRow } from '../../shared/api/check-in.js';
import {
  PHONE_LOST_AFTER_MS,
  type FaceVerdict,
  type PhoneState,
  type StepState,
} from '../../shared/enums.js';
import { sessionStatusAt } from '../exams/session-status.js';
import type { CheckInRecord, CheckInRegistration, FaceCheckRow } from './repo.js';
import {
  NOTHING_STORED,
  currentStepOf,
  enterDecision,
  faceAttemptsAllowed,
  requiredSteps,
  resolveSteps,
  type ResolvedSteps,
  type StoredStepState,
} from './state-machine.js';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/**
 * The phone as the PC and staff see it: never paired; live while its heartbeat is fresh (server
 * clock); lost once it has been missing for longer than PHONE_LOST_AFTER_MS.
 */
export function phoneConnectionOf(
  record: Pick<CheckInRecord, 'phonePairedAt' | 'phoneLastSeenAt'> | null,
  now: Date,
): PhoneState {
  if (!record?.phonePairedAt) return 'unpaired';
  const lastSeen = record.phoneLastSeenAt;
  if (lastSeen && now.getTime() - lastSeen.getTime() <= PHONE_LOST_AFTER_MS) return 'live';
  return 'lost';
}

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

/** The steps block of a check-in, as the candidate and staff see it. */
export function presentSteps(
  registration: Pick<CheckInRegistration, 'rules'>,
  record: CheckInRecord | null,
  lastVerdict: FaceVerdict | null,
  now: Date,
): CheckInState['steps'] {
  const steps = resolvedStepsOf(registration, record);
  return {
    device: {
      state: steps.device,
      checkedAt: iso(record?.deviceCheckedAt ?? null),
      report: record?.deviceReport ?? null,
    },
    face: {
      state: steps.face,
      attempts: record?.faceAttempts ?? 0,
      attemptsAllowed: faceAttemptsAllowed(registration.rules),
      score: record?.faceScore ?? null,
      lastVerdict,
      checkedAt: iso(record?.faceCheckedAt ?? null),
    },
    pledge: { state: steps.pledge, agreedAt: iso(record?.pledgeAgreedAt ?? null) },
    phone: {
      state: steps.phone,
      connection: phoneConnectionOf(record, now),
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
  lastVerdict: FaceVerdict | null,
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
    steps: presentSteps(registration, record, lastVerdict, now),
    pledgeText: registration.pledgeText,
    noticeText: registration.noticeText,
    phoneAsPrimaryAllowed: rules.phoneAsPrimaryAllowed,
    screenShareRequired: rules.screenShareRequired,
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
  const lastVerdict = faceChecks.find((row) => row.source === 'check_in')?.verdict ?? null;
  return {
    registrationId: registration.registrationId,
    candidateName: registration.candidateName,
    admissionNumber: registration.admissionNumber,
    hasReferencePhoto,
    currentStep: currentStepOf(resolvedStepsOf(registration, record)),
    steps: presentSteps(registration, record, lastVerdict, now),
    faceChecks: faceChecks.map(presentFaceCheck),
  };
}
