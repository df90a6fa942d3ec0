import { CheckCircleOutlined, CloudUploadOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueueSnapshot } from './answer-queue.js';

interface SaveIndicatorProps {
  queue: QueueSnapshot;
  isOnline: boolean;
}

/** Whether the page should say it is offline: the browser says so, or saves get no answer. */
export function isOffline({ queue, isOnline }: SaveIndicatorProps): boolean {
  return !isOnline || queue.status === 'failing';
}

/**
 * 已保存 / 保存中… / 离线，已暂存 N 项: a status, but not spoken as it changes (aria-live off):
 * it changes with every click and would talk over the question; going offline is announced by
 * the banner instead.
 */
export function SaveIndicator(props: SaveIndicatorProps) {
  const { t } = useTranslation();
  const waiting = props.queue.pendingIds.length;
  // An answer another device overtook is not saved as shown until the stored one is.
  const isSettled = waiting === 0 && props.queue.overtakenIds.length === 0;
  const text = isSettled
    ? t('candidateWrittenExam.save.saved')
    : waiting > 0 && isOffline(props)
      ? t('candidateWrittenExam.save.offline', { count: waiting })
      : t('candidateWrittenExam.save.saving');
  const icon = isSettled ? (
    <CheckCircleOutlined aria-hidden />
  ) : waiting > 0 && isOffline(props) ? (
    <DisconnectOutlined aria-hidden />
  ) : (
    <CloudUploadOutlined aria-hidden />
  );
  return (
    <Typography.Text
      role="status"
      aria-live="off"
      data-testid="save-indicator"
      type={waiting > 0 && isOffline(props) ? 'warning' : 'secondary'}
    >
      {icon} {text}
    </Typography.Text>
  );
}

/** The banner while offline, and a note when this browser cannot keep a copy. */
export function OfflineBanner(props: SaveIndicatorProps) {
  const { t } = useTranslation();
  return (
    <>
      {isOffline(props) ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('candidateWrittenExam.save.offlineBanner')}
        />
      ) : null}
      {props.queue.isStorageBroken ? (
        <Alert type="info" showIcon title={t('candidateWrittenExam.save.storageBroken')} />
      ) : null}
    </>
  );
}
