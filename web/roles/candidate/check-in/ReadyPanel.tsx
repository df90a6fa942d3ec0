import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PhoneMonitorPanel } from './phone/PhoneMonitorPanel.js';
import type { CheckInStepProps } from './stepProps.js';

/**
 * Every required step is done; 进入考试 (below) opens once the server opens the session. The phone
 * camera stays in view (live or the red dot, and the grey QR code to re-scan, seed 003).
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

/**
 * Where 进入考试 leads until the waiting room exists: an honest note that check-in is complete
 * and the waiting room comes next.
 */
export function EnteredPanel({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={<span role="status">{t('candidateCheckIn.ready.entered')}</span>}
      subTitle={t('candidateCheckIn.ready.enteredDetail')}
      extra={<Button onClick={onBack}>{t('candidateCheckIn.ready.backToCheckIn')}</Button>}
    />
  );
}
