import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface UploadStatusProps {
  /** Sent fraction, 0 to 1; at 1 the server is working on the file. */
  fraction: number;
  /** What the server is doing once the file is sent (校验中…, 导入中…). */
  processingText: string;
}

/** 上传中 45% with a progress bar, then the server's step while it works. */
export function UploadStatus({ fraction, processingText }: UploadStatusProps) {
  const { t } = useTranslation();
  const percent = Math.min(100, Math.round(fraction * 100));
  const isSent = fraction >= 1;
  return (
    <Flex vertical gap={4}>
      <Progress
        percent={percent}
        status="active"
        showInfo={false}
        aria-label={t('adminRoster.uploadProgress')}
        aria-valuetext={isSent ? processingText : t('adminRoster.uploading', { percent })}
      />
      <Typography.Text role="status">
        {isSent ? processingText : t('adminRoster.uploading', { percent })}
      </Typography.Text>
    </Flex>
  );
}
