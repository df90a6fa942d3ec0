import { LoginOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckInState, EnterBlock } from '../../../../shared/api/check-in.js';
import { DisabledActionButton } from '../../../ui/DisabledActionButton.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

interface EnterExamButtonProps {
  state: CheckInState;
  /** Whether it is enabled (the server's canEnter, unless the exam's page opens earlier). */
  isEnabled: boolean;
  onEnter: () => void;
}

/** 进入考试: always visible; disabled with the server's reason until the session opens. */
export function EnterExamButton({ state, isEnabled, onEnter }: EnterExamButtonProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const label = t('candidateCheckIn.enter.button');
  if (isEnabled) {
    return (
      <Button type="primary" size="large" icon={<LoginOutlined />} onClick={onEnter}>
        {label}
      </Button>
    );
  }
  const block: EnterBlock = state.enterBlock ?? 'steps_pending';
  const reason =
    block === 'not_open'
      ? t('candidateCheckIn.enter.not_open', { time: time.dateTime(state.startsAt) })
      : t(`candidateCheckIn.enter.${block}`);
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      <DisabledActionButton size="large" label={label} reason={reason} icon={<LoginOutlined />} />
      {/* Said beside the button too: a tooltip alone is easy to miss. */}
      <span aria-hidden>{reason}</span>
    </span>
  );
}
