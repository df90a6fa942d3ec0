import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckInStep, StepState } from '../../../../shared/enums.js';

const COLORS: Record<StepState, string> = {
  pending: 'gold',
  passed: 'success',
  flagged: 'error',
  not_required: 'default',
};

/** One check-in step's state: 待完成 / 通过 / 未通过 / 无需; a flagged face check says why in red. */
export function StepStateTag({ step, state }: { step: CheckInStep; state: StepState }) {
  const { t } = useTranslation();
  const text =
    step === 'face' && state === 'flagged'
      ? t('staffCheckIn.faceFlagged')
      : t(`staffCheckIn.stepState.${state}`);
  return <Tag color={COLORS[state]}>{text}</Tag>;
}
