import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Steps, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckInState } from '../../../../shared/api/check-in.js';
import type { CheckInStep, StepState } from '../../../../shared/enums.js';
import { canOpenStep, requiredSteps, type CheckInView } from './checkInView.js';

interface CheckInStepsBarProps {
  state: CheckInState;
  view: CheckInView;
  onOpen: (step: CheckInStep) => void;
}

/** The required steps with each one's state; the device check can be reopened at any time. */
export function CheckInStepsBar({ state, view, onOpen }: CheckInStepsBarProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const steps = requiredSteps(state);
  const stateText = (step: CheckInStep, stepState: StepState) =>
    stepState === 'flagged' && step !== 'face'
      ? t('candidateCheckIn.flaggedOther')
      : t(`candidateCheckIn.stepState.${stepState}`);

  return (
    <nav aria-label={t('candidateCheckIn.stepsLabel')}>
      <Steps
        current={Math.max(
          0,
          steps.findIndex((step) => step === view),
        )}
        onChange={(index) => {
          const step = steps[index];
          if (step && canOpenStep(state, step)) onOpen(step);
        }}
        items={steps.map((step) => {
          const stepState = state.steps[step].state;
          const isViewed = step === view;
          return {
            key: step,
            title: t(`candidateCheckIn.steps.${step}`),
            content: (
              <span style={stepState === 'flagged' ? { color: token.colorWarning } : undefined}>
                {stateText(step, stepState)}
              </span>
            ),
            disabled: !canOpenStep(state, step),
            status: isViewed ? 'process' : stepState === 'pending' ? 'wait' : 'finish',
            icon:
              stepState === 'flagged' && !isViewed ? (
                <WarningFilled style={{ color: token.colorWarning }} aria-hidden />
              ) : stepState === 'passed' && !isViewed ? (
                <CheckCircleFilled style={{ color: token.colorSuccess }} aria-hidden />
              ) : undefined,
          };
        })}
      />
    </nav>
  );
}
