import type { CheckInState } from '../../../../shared/api/check-in.js';

export const REGISTRATION_ID = '00000000-0000-4000-8000-0000000000c1';
export const CHECK_IN_PATH = '/candidate/registrations/:registrationId/check-in';
export const CHECK_IN_URL = `/candidate/registrations/${REGISTRATION_ID}/check-in`;

type Steps = CheckInState['steps'];

/** 张三's interview check-in as the server answers it, at its first step (test fixture). */
export function checkInState(
  overrides: Partial<Omit<CheckInState, 'steps'>> & {
    steps?: { [K in keyof Steps]?: Partial<Steps[K]> };
  } = {},
): CheckInState {
  const { steps = {}, ...rest } = overrides;
  return {
    registrationId: REGISTRATION_ID,
    candidateName: '张三',
    examName: '2026 年外国语学院研究生复试',
    examKind: 'interview',
    sessionName: '外国语学院面试第一考场',
    serverTime: new Date().toISOString(),
    startsAt: new Date(Date.now() - 600_000).toISOString(),
    endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    checkInOpensAt: new Date(Date.now() - 3600_000).toISOString(),
    status: 'in_progress',
    currentStep: 'device',
    pledgeText: '本人承诺遵守考试纪律。',
    noticeText: '请保持面部在画面中央。',
    phoneAsPrimaryAllowed: false,
    screenShareRequired: false,
    mediaQuality: 'proctoring',
    canEnter: false,
    enterBlock: 'steps_pending',
    ...rest,
    steps: {
      device: { state: 'pending', checkedAt: null, report: null, ...steps.device },
      face: {
        state: 'pending',
        attempts: 0,
        attemptsAllowed: 3,
        attemptsLeft: 3,
        canRetry: true,
        canContinue: false,
        score: null,
        lastVerdict: null,
        checkedAt: null,
        confirmedAt: null,
        ...steps.face,
      },
      pledge: { state: 'pending', agreedAt: null, ...steps.pledge },
      phone: {
        state: 'pending',
        connection: 'unpaired',
        pairedAt: null,
        lastSeenAt: null,
        faceVerdict: null,
        ...steps.phone,
      },
    },
  };
}

/** Every step passed, nothing left (test fixture). */
export function readyState(overrides: Partial<CheckInState> = {}): CheckInState {
  const now = new Date().toISOString();
  return checkInState({
    currentStep: null,
    canEnter: true,
    enterBlock: null,
    steps: {
      device: { state: 'passed', checkedAt: now },
      face: { state: 'passed', attempts: 1, score: 0.86, lastVerdict: 'match', checkedAt: now },
      pledge: { state: 'passed', agreedAt: now },
      phone: { state: 'passed', connection: 'live', pairedAt: now, lastSeenAt: now },
    },
    ...overrides,
  });
}
