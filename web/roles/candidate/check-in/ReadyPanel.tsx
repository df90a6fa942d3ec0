import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Every required step is done; 进入考试 (below) opens once the server opens the session. */
export function ReadyPanel() {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('candidateCheckIn.ready.title')}
      subTitle={t('candidateCheckIn.ready.detail')}
    />
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
