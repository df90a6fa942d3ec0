import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/errors.js';

interface LoadErrorProps {
  error: unknown;
  onRetry: () => void;
}

/** What a page shows when its data could not be loaded. */
export function LoadError({ error, onRetry }: LoadErrorProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return (
    <Result
      status="warning"
      title={t('app.loadFailed')}
      subTitle={<span role="alert">{describe(error)}</span>}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}
