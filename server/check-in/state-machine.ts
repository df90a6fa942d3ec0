import type { DeviceReport, EnterBlock } from '../../shared/api/check-in.js';
import type { ExamRules } from '../../shared/api/exams.js';
import {
  CHECK_IN_STEPS,
  type Attendance,
  type CheckInStep,
  type FaceVerdict,
  type SessionStatus,
  type StepState,
} from '../../shared/enums.js';
import type { ErrorCode } from '../../shared/errors.js';

/**
 * The check-in as a pure state machine (device → face → pledge → phone → ready). Each step's
 * stored state comes from the check_in row; whether a step is required comes from the exam's
 * rules (and, for the phone, from the device report), so `not_required` is computed on read and
 * never stored: changing the rules changes the check-in at once.
 */

/** What the check_in row can hold for one step. */
export type StoredStepState = Exclude<StepState, 'not_required'>;
export type StoredSteps = Record<CheckInStep, StoredStepState>;
export type ResolvedSteps = Record<CheckInStep, StepState>;

export type StepRules = Pick<
  ExamRules,
  'faceCheckRequired' | 'faceCheckRetries' | 'secondCameraRequired' | 'phoneAsPrimaryAllowed'
>;

export const NOTHING_STORED: StoredSteps = {
  device: 'pending',
  face: 'pending',
  pledge: 'pending',
  phone: 'pending',
};

/**
 * The PC reported that it has no camera at all. A denied permission or a camera in use is
 * something the candidate can fix, so only `not_found` counts as "no camera".
 */
export function pcHasNoCamera(report: DeviceReport | null): boolean {
  return report !== null && !report.camera.ok && report.camera.error === 'not_found';
}

/**
 * Device and pledge always; face and phone as the rules say. When the phone is the primary camera
 * (allowed by the exam, and the PC has none), the PC cannot take the face check: the phone's
 * verification photo (拍照验证, required by the same rule) is the face check instead.
 */
export function requiredSteps(
  rules: StepRules,
  report: DeviceReport | null,
): Record<CheckInStep, boolean> {
  const phoneIsPrimary = rules.phoneAsPrimaryAllowed && pcHasNoCamera(report);
  return {
    device: true,
    face: rules.faceCheckRequired && !phoneIsPrimary,
    pledge: true,
    phone: rules.secondCameraRequired || phoneIsPrimary,
  };
}

export function resolveSteps(
  stored: StoredSteps,
  required: Record<CheckInStep, boolean>,
): ResolvedSteps {
  const resolve = (step: CheckInStep): StepState =>
    required[step] ? stored[step] : 'not_required';
  return {
    device: resolve('device'),
    face: resolve('face'),
    pledge: resolve('pledge'),
    phone: resolve('phone'),
  };
}

/** A step no longer holds the candidate back: passed, flagged for review, or left out. */
export function isStepDone(state: StepState): boolean {
  return state !== 'pending';
}

/** The first step still pending, in the fixed order; null when the check-in is complete. */
export function currentStepOf(steps: ResolvedSteps): CheckInStep | null {
  return CHECK_IN_STEPS.find((step) => !isStepDone(steps[step])) ?? null;
}

/**
 * Whether a step may be submitted now: every earlier step must be done. The device check may be
 * re-run at any time (a camera can break after it passed).
 */
export function mayRunStep(step: CheckInStep, steps: ResolvedSteps): boolean {
  if (step === 'device') return true;
  const earlier = CHECK_IN_STEPS.slice(0, CHECK_IN_STEPS.indexOf(step));
  return earlier.every((before) => isStepDone(steps[before]));
}

/**
 * 进入考试 is possible only while the session is in progress (server clock) and every required
 * step is done. The reason names what the candidate can act on first: a withdrawal and an ended
 * session are final; before check-in opens nothing can be done yet; then pending steps, then the
 * wait for the start.
 */
export function enterDecision(input: {
  status: SessionStatus;
  attendance: Attendance;
  steps: ResolvedSteps;
}): { canEnter: boolean; enterBlock: EnterBlock | null } {
  const block = enterBlockOf(input);
  return { canEnter: block === null, enterBlock: block };
}

function enterBlockOf(input: {
  status: SessionStatus;
  attendance: Attendance;
  steps: ResolvedSteps;
}): EnterBlock | null {
  if (input.attendance === 'withdrawn') return 'withdrawn';
  switch (input.status) {
    case 'ended':
      return 'ended';
    case 'not_started':
      return 'not_open';
    case 'check_in_open':
      return currentStepOf(input.steps) === null ? 'not_open' : 'steps_pending';
    case 'in_progress':
      return currentStepOf(input.steps) === null ? null : 'steps_pending';
  }
}

/** Why a change to the check-in is refused at this time; null while checks may be run. */
export function timeBlockOf(status: SessionStatus): ErrorCode | null {
  switch (status) {
    case 'not_started':
      return 'CHECK_IN_NOT_OPEN';
    case 'ended':
      return 'CHECK_IN_CLOSED';
    case 'check_in_open':
    case 'in_progress':
      return null;
  }
}

/**
 * The device step passes when the camera works (or the phone may be the primary camera and the
 * PC has none) and the microphone works. Speaker, network and browser problems stay in the
 * report as warnings for staff: they do not stop the candidate.
 */
export function deviceStepPasses(report: DeviceReport, rules: StepRules): boolean {
  const cameraOk = report.camera.ok || (rules.phoneAsPrimaryAllowed && pcHasNoCamera(report));
  return cameraOk && report.microphone.ok;
}

/** The first attempt plus the exam's allowed retries. */
export function faceAttemptsAllowed(rules: StepRules): number {
  return 1 + rules.faceCheckRetries;
}

/** Failed liveness challenges after which 继续进入 is offered, whatever attempts are left. */
export const LIVENESS_FAILURES_BEFORE_CONTINUE = 2;

/** What the candidate's face checks so far say, as the retry rule needs it. */
export interface FaceHistory {
  /** The verdict of the last check (null before the first). */
  lastVerdict: FaceVerdict | null;
  /** How many checks failed the browser's liveness challenge (the phone's photo has none). */
  livenessFailures: number;
}

/** What a candidate may do after a failed face check; the server says it, the page shows it. */
export interface FaceRetryOptions {
  /** Attempts left before the rules offer 继续进入 anyway. */
  attemptsLeft: number;
  /** 重试 may succeed: attempts are left and there is a reference photo to compare with. */
  canRetry: boolean;
  /**
   * 继续进入 (the step flagged for staff review) is offered: at once when there is no reference
   * photo (no retry could ever succeed), after LIVENESS_FAILURES_BEFORE_CONTINUE failed liveness
   * challenges (each costs the candidate about 13 s), or once the attempts are used up.
   */
  canContinue: boolean;
}

/** The one rule for 重试 and 继续进入 after face-check failures (PC and phone alike). */
export function faceRetryOptions(
  input: FaceHistory & { attempts: number; attemptsAllowed: number },
): FaceRetryOptions {
  const attemptsLeft = Math.max(0, input.attemptsAllowed - input.attempts);
  const hasFailed = input.lastVerdict !== null && input.lastVerdict !== 'match';
  const noReference = input.lastVerdict === 'no_reference';
  return {
    attemptsLeft,
    canRetry: hasFailed && !noReference && attemptsLeft > 0,
    canContinue:
      hasFailed &&
      (noReference ||
        attemptsLeft === 0 ||
        input.livenessFailures >= LIVENESS_FAILURES_BEFORE_CONTINUE),
  };
}
