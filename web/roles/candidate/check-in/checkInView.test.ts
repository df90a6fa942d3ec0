import { describe, expect, it } from 'vitest';
import type { CheckInState } from '../../../../shared/api/check-in.js';
import { canOpenStep, requiredSteps, splitDuration, viewOf } from './checkInView.js';

type Steps = Pick<CheckInState, 'currentStep' | 'steps'>;
const step = (state: CheckInState['steps']['pledge']['state']) => ({ state });
const at = (
  currentStep: Steps['currentStep'],
  states: Record<'device' | 'face' | 'pledge' | 'phone', CheckInState['steps']['pledge']['state']>,
): Steps =>
  ({
    currentStep,
    steps: {
      device: step(states.device),
      face: step(states.face),
      pledge: step(states.pledge),
      phone: step(states.phone),
    },
  }) as Steps;

describe('check-in view', () => {
  const faceNext = at('face', {
    device: 'passed',
    face: 'pending',
    pledge: 'pending',
    phone: 'not_required',
  });

  it('lists only the required steps, in order', () => {
    expect(requiredSteps(faceNext)).toEqual(['device', 'face', 'pledge']);
  });

  it('opens where the server says the candidate stands, and the ready panel at the end', () => {
    expect(viewOf(faceNext, null)).toBe('face');
    expect(
      viewOf(
        at(null, { device: 'passed', face: 'flagged', pledge: 'passed', phone: 'passed' }),
        null,
      ),
    ).toBe('ready');
  });

  it('lets the candidate re-run the device check but not skip ahead', () => {
    expect(viewOf(faceNext, 'device')).toBe('device');
    expect(canOpenStep(faceNext, 'device')).toBe(true);
    expect(canOpenStep(faceNext, 'face')).toBe(true);
    expect(canOpenStep(faceNext, 'pledge')).toBe(false);
    expect(viewOf(faceNext, 'pledge')).toBe('face');
  });

  it('splits a countdown into days and a clock', () => {
    expect(splitDuration(3_725_000)).toEqual({ days: 0, clock: '01:02:05' });
    expect(splitDuration(90_000_000)).toEqual({ days: 1, clock: '01:00:00' });
    expect(splitDuration(-5)).toEqual({ days: 0, clock: '00:00:00' });
  });
});
