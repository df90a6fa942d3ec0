import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MediaError } from '../../../shared/api/check-in.js';

/** A camera failure as the instruction that fixes it (media.errors.<reason>), with a retry. */
export function CameraErrorNotice({
  reason,
  onRetry,
}: {
  reason: MediaError;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('phoneCamera.monitoring.cameraFailed')}
      description={t(`media.errors.${reason}`)}
      action={
        <Button size="large" onClick={onRetry}>
          {t('media.retry')}
        </Button>
      }
    />
  );
}
