import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PhoneMonitorPanel } from './phone/PhoneMonitorPanel.js';
import type { CheckInStepProps } from './stepProps.js';

/**
 * Every required step is done; 进入考试 (below) opens once the server opens the session. The phone
 * camera stays in view (live or the red dot, and the grey QR code to re-scan, docs/journeys.md J4).
 */
export function ReadyPanel({ state, onStateChange }: CheckInStepProps) {
  const { t } = useTranslation();
  return (
    <>
      <Result
        status="success"
        title={t('candidateCheckIn.ready.title')}
        subTitle={t('candidateCheckIn.ready.detail')}
      />
      {state.steps.phone.state !== 'not_required' ? (
        <PhoneMonitorPanel state={state} onStateChange={onStateChange} />
      ) : null}
    </>
  );
}
