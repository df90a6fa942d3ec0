import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../shared/enums.js';
import {
  NOTHING_STORED,
  currentStepOf,
  deviceStepPasses,
  enterDecision,
  faceAttemptsAllowed,
  faceRetryOptions,
  mayRunStep,
  pcHasNoCamera,
  requiredSteps,
  resolveSteps,
  timeBlockOf,
  type ResolvedSteps,
  type StepRules,
} from './state-machine.js';
import { deviceReport } from './check-in-test-helpers.js';

const RULES: StepRules = {
  faceCheckRequired: true,
  faceCheckRetries: 3,
  secondCameraRequired: false,
  phoneAsPrimaryAllowed: false,
};

const NO_CAMERA = deviceReport({ camera: { ok: false, error: 'not_found', width: null } });
const CAMERA_DENIED = deviceReport({ camera: { ok: false, error: 'permission_denied' } });

const allPassed: ResolvedSteps = {
  device: 'passed',
  face: 'passed',
  pledge: 'passed',
  phone: 'passed',
};

describe('check-in state machine', () => {
  describe('required steps', () => {
    it('always requires the device check and the pledge', () => {
      const none = { ...RULES, faceCheckRequired: false };
      expect(requiredSteps(none, null)).toEqual({
        device: true,
        face: false,
        pledge: true,
        phone: false,
      });
    });

    it('requires the face check when the rules do', () => {
      expect(requiredSteps(RULES, null).face).toBe(true);
    });

    it('requires the phone when a second camera is required', () => {
      expect(requiredSteps({ ...RULES, secondCameraRequired: true }, null).phone).toBe(true);
    });

    it('requires the phone as primary camera only when allowed and the PC has no camera', () => {
      const primary = { ...RULES, phoneAsPrimaryAllowed: true };
      expect(requiredSteps(primary, NO_CAMERA).phone).toBe(true);
      expect(requiredSteps(primary, deviceReport()).phone).toBe(false);
      expect(requiredSteps(primary, null).phone).toBe(false);
      expect(requiredSteps(primary, CAMERA_DENIED).phone).toBe(false);
      expect(requiredSteps(RULES, NO_CAMERA).phone).toBe(false);
    });

    it("moves the face check to the phone's verification photo when the phone is primary", () => {
      const primary = { ...RULES, phoneAsPrimaryAllowed: true };
      expect(requiredSteps(primary, NO_CAMERA).face).toBe(false);
      expect(requiredSteps(primary, deviceReport()).face).toBe(true);
    });

    it('counts only a missing camera as "no camera", not one the candidate can fix', () => {
      expect(pcHasNoCamera(NO_CAMERA)).toBe(true);
      expect(pcHasNoCamera(CAMERA_DENIED)).toBe(false);
      expect(pcHasNoCamera(null)).toBe(false);
    });

    it('computes not_required on read, whatever is stored', () => {
      const stored = { ...NOTHING_STORED, phone: 'passed' as const };
      const steps = resolveSteps(
        stored,
        requiredSteps({ ...RULES, faceCheckRequired: false }, null),
      );
      expect(steps).toEqual({
        device: 'pending',
        face: 'not_required',
        pledge: 'pending',
        phone: 'not_required',
      });
    });
  });

  describe('current step', () => {
    it('is the first pending step in the fixed order', () => {
      expect(currentStepOf({ ...allPassed, device: 'pending', face: 'pending' })).toBe('device');
      expect(currentStepOf({ ...allPassed, face: 'flagged', pledge: 'pending' })).toBe('pledge');
      expect(currentStepOf({ ...allPassed, face: 'not_required', phone: 'pending' })).toBe('phone');
    });

    it('is null once every step is passed, flagged or not required', () => {
      expect(currentStepOf({ ...allPassed, face: 'flagged', phone: 'not_required' })).toBeNull();
    });
  });

  describe('step order', () => {
    it('lets the device check run at any time', () => {
      const fresh = resolveSteps(NOTHING_STORED, requiredSteps(RULES, null));
      expect(mayRunStep('device', fresh)).toBe(true);
      expect(mayRunStep('device', allPassed)).toBe(true);
    });

    it('refuses a step before the earlier ones are done', () => {
      const fresh = resolveSteps(NOTHING_STORED, requiredSteps(RULES, null));
      expect(mayRunStep('face', fresh)).toBe(false);
      expect(mayRunStep('pledge', { ...fresh, device: 'passed' })).toBe(false);
      expect(mayRunStep('pledge', { ...fresh, device: 'passed', face: 'flagged' })).toBe(true);
      expect(mayRunStep('pledge', { ...fresh, device: 'passed', face: 'not_required' })).toBe(true);
      expect(mayRunStep('phone', { ...fresh, device: 'passed', face: 'passed' })).toBe(false);
    });
  });

  describe('entering', () => {
    const decide = (status: SessionStatus, steps: ResolvedSteps, withdrawn = false) =>
      enterDecision({ status, steps, attendance: withdrawn ? 'withdrawn' : 'confirmed' });

    it('is possible only in progress with every required step done', () => {
      expect(decide('in_progress', allPassed)).toEqual({ canEnter: true, enterBlock: null });
      expect(
        decide('in_progress', { ...allPassed, face: 'flagged', phone: 'not_required' }),
      ).toEqual({ canEnter: true, enterBlock: null });
      expect(decide('in_progress', { ...allPassed, phone: 'pending' })).toEqual({
        canEnter: false,
        enterBlock: 'steps_pending',
      });
    });

    it('waits for the start once the steps are done', () => {
      expect(decide('check_in_open', allPassed)).toEqual({
        canEnter: false,
        enterBlock: 'not_open',
      });
      expect(decide('check_in_open', { ...allPassed, pledge: 'pending' }).enterBlock).toBe(
        'steps_pending',
      );
      expect(decide('not_started', { ...allPassed, pledge: 'pending' }).enterBlock).toBe(
        'not_open',
      );
    });

    it('is closed after the end and after a withdrawal', () => {
      expect(decide('ended', allPassed).enterBlock).toBe('ended');
      expect(decide('in_progress', allPassed, true)).toEqual({
        canEnter: false,
        enterBlock: 'withdrawn',
      });
    });
  });

  it('allows changes only from check-in opening to the end', () => {
    expect(timeBlockOf('not_started')).toBe('CHECK_IN_NOT_OPEN');
    expect(timeBlockOf('check_in_open')).toBeNull();
    expect(timeBlockOf('in_progress')).toBeNull();
    expect(timeBlockOf('ended')).toBe('CHECK_IN_CLOSED');
  });

  describe('device step', () => {
    it('passes with a working camera and microphone, whatever the warnings', () => {
      expect(deviceStepPasses(deviceReport(), RULES)).toBe(true);
    });

    it('stays pending without a camera or a microphone', () => {
      expect(deviceStepPasses(CAMERA_DENIED, RULES)).toBe(false);
      expect(deviceStepPasses(NO_CAMERA, RULES)).toBe(false);
      expect(deviceStepPasses(deviceReport({ micOk: false }), RULES)).toBe(false);
    });

    it('passes without a PC camera when the phone may be the primary camera', () => {
      const primary = { ...RULES, phoneAsPrimaryAllowed: true };
      expect(deviceStepPasses(NO_CAMERA, primary)).toBe(true);
      expect(deviceStepPasses(CAMERA_DENIED, primary)).toBe(false);
    });
  });

  describe('face failures', () => {
    it('allows the first attempt plus the retries', () => {
      expect(faceAttemptsAllowed(RULES)).toBe(4);
      expect(faceAttemptsAllowed({ ...RULES, faceCheckRetries: 0 })).toBe(1);
    });

    const failedOnce = {
      attempts: 1,
      attemptsAllowed: 4,
      lastVerdict: 'mismatch' as const,
      livenessFailures: 0,
    };

    it('says how many tries are left and offers 继续进入 once they are used up', () => {
      expect(faceRetryOptions(failedOnce)).toEqual({
        attemptsLeft: 3,
        canRetry: true,
        canContinue: false,
      });
      expect(faceRetryOptions({ ...failedOnce, attempts: 4 })).toEqual({
        attemptsLeft: 0,
        canRetry: false,
        canContinue: true,
      });
    });

    it('offers neither before the first attempt nor after a match', () => {
      const none = { ...failedOnce, attempts: 0, lastVerdict: null };
      expect(faceRetryOptions(none)).toMatchObject({ canRetry: false, canContinue: false });
      const match = { ...failedOnce, lastVerdict: 'match' as const };
      expect(faceRetryOptions(match)).toMatchObject({ canRetry: false, canContinue: false });
    });

    it('offers 继续进入 at once, and no retry, when there is no reference to compare with', () => {
      expect(faceRetryOptions({ ...failedOnce, lastVerdict: 'no_reference' })).toEqual({
        attemptsLeft: 3,
        canRetry: false,
        canContinue: true,
      });
    });

    it('offers 继续进入 beside 重试 after the liveness challenge failed twice', () => {
      const once = { ...failedOnce, lastVerdict: 'liveness_failed' as const, livenessFailures: 1 };
      expect(faceRetryOptions(once)).toMatchObject({ canRetry: true, canContinue: false });
      const twice = { ...once, attempts: 2, livenessFailures: 2 };
      expect(faceRetryOptions(twice)).toEqual({
        attemptsLeft: 2,
        canRetry: true,
        canContinue: true,
      });
    });
  });
});
