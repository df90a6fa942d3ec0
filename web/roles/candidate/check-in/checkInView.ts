import type { CheckInState } from '../../../../shared/api/check-in.js';
import { CHECK_IN_STEPS, type CheckInStep } from '../../../../shared/enums.js';

/** What the page shows below the steps bar: a step, or the ready panel once all are done. */
export type CheckInView = CheckInStep | 'ready';

/** The steps this exam requires, in the order a candidate takes them. */
export function requiredSteps(state: Pick<CheckInState, 'steps'>): CheckInStep[] {
  return CHECK_IN_STEPS.filter((step) => state.steps[step].state !== 'not_required');
}

/**
 * Which step to show: the one the candidate chose (only the device check, to re-run it, or the
 * current step), else where the server says the candidate stands, so a reload resumes there.
 */
export function viewOf(
  state: Pick<CheckInState, 'currentStep' | 'steps'>,
  chosen: CheckInView | null,
): CheckInView {
  const current: CheckInView = state.currentStep ?? 'ready';
  if (chosen === 'device' && state.steps.device.state !== 'not_required') return 'device';
  return current;
}

/** Whether the candidate may jump to a step from the steps bar. */
export function canOpenStep(state: Pick<CheckInState, 'currentStep' | 'steps'>, step: CheckInStep) {
  return step === 'device' || step === state.currentStep;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "01:05:09" for a duration; whole days are split off for the caller's wording. */
export function splitDuration(ms: number): { days: number; clock: string } {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const rest = totalSeconds % 86_400;
  const clock = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  return { days, clock };
}

/** The written exam's page of one registration (须知, the countdown, the paper). */
export function writtenExamPath(registrationId: string): string {
  return `/candidate/registrations/${encodeURIComponent(registrationId)}/exam`;
}

/**
 * Whether 进入考试 opens a written exam's page: once the steps are done, already before the
 * start (the page counts down and the server opens the paper at the start).
 */
export function canOpenWrittenExam(
  state: Pick<CheckInState, 'canEnter' | 'enterBlock' | 'currentStep'>,
): boolean {
  return state.canEnter || (state.enterBlock === 'not_open' && state.currentStep === null);
}
