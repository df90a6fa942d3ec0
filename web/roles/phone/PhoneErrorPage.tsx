import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError.js';
import { useErrorMessage } from '../../api/errors.js';

/** Codes after which only a fresh QR code helps (the sentence already says so). */
const RESCAN_CODES = new Set([
  'PAIRING_TOKEN_INVALID',
  'PAIRING_TOKEN_EXPIRED',
  'PAIRING_TOKEN_USED',
  'PHONE_NOT_PAIRED',
]);

/** A whole page saying what went wrong and what to do; a rescan is the usual cure. */
export function PhoneErrorPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const needsRescan = isApiError(error) && RESCAN_CODES.has(error.code);
  return (
    <Result
      status={needsRescan ? 'warning' : 'error'}
      title={t('phoneCamera.error.title')}
      subTitle={
        <div role="alert" data-testid="phone-error">
          <p style={{ fontSize: 18, margin: '8px 0' }}>{describe(error)}</p>
          {needsRescan ? null : <p>{t('phoneCamera.error.whatToDo')}</p>}
        </div>
      }
      extra={
        !needsRescan && onRetry ? (
          <Button size="large" type="primary" onClick={onRetry}>
            {t('phoneCamera.error.retry')}
          </Button>
        ) : null
      }
    />
  );
}
