import { CameraOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getPhoneCapture,
  uploadPhoneCapture,
  type PhoneCapture,
} from '../../../shared/api/answer-files.js';
import { callApi } from '../../api/client.js';
import { useErrorMessage } from '../../api/errors.js';
import { uploadApi } from '../../api/upload.js';
import { visuallyHidden } from '../../ui/visuallyHidden.js';
import { waitForVideoFrame } from '../../vision/snapshot.js';

/** How often the phone asks whether the PC wants a photo (用手机拍照). */
export const CAPTURE_POLL_MS = 3000;
const CAPTURE_KEY = ['phone', 'answer-capture'] as const;
const PHOTO_QUALITY = 0.92;

/** The camera's current frame at its full size, as JPEG (the monitoring stream keeps running). */
async function frameOf(video: HTMLVideoElement): Promise<Blob> {
  await waitForVideoFrame(video);
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY),
  );
  if (!blob) throw new Error('JPEG encoding failed');
  return blob;
}

/**
 * 拍照上传 on the phone's monitoring view: shown while the PC asks for photos of a file question
 * (polled), it takes the rear camera's current frame and uploads it into that question; the PC
 * sees it appear.
 */
export function AnswerCapture({
  videoRef,
  isCameraOpen,
}: {
  videoRef: RefObject<HTMLVideoElement | null>;
  isCameraOpen: boolean;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'idle' | 'uploading' | 'uploaded'>('idle');
  const [error, setError] = useState<string | null>(null);
  const query = useQuery({
    queryKey: CAPTURE_KEY,
    queryFn: () => callApi(getPhoneCapture),
    refetchInterval: CAPTURE_POLL_MS,
  });
  const capture = query.data?.capture ?? null;
  if (!capture) return null;
  const isFull = capture.fileCount >= capture.maxFiles;

  const handleTake = async () => {
    const video = videoRef.current;
    if (!video) return;
    setStatus('uploading');
    setError(null);
    try {
      const photo = await frameOf(video);
      const next = await uploadApi(
        uploadPhoneCapture,
        { query: { name: 'phone-photo.jpg' } },
        photo,
      );
      queryClient.setQueryData<PhoneCapture>(CAPTURE_KEY, next);
      setStatus('uploaded');
    } catch (caught) {
      setError(describe(caught));
      setStatus('idle');
    }
  };

  return (
    <Card size="small" title={t('answerFiles.phone.title', { number: capture.number })}>
      <Flex vertical gap={8}>
        <Typography.Text>{t('answerFiles.phone.hint')}</Typography.Text>
        <Typography.Text type={isFull ? 'warning' : 'secondary'}>
          {isFull
            ? t('answerFiles.phone.full')
            : t('answerFiles.phone.count', { count: capture.fileCount, max: capture.maxFiles })}
        </Typography.Text>
        <Button
          type="primary"
          size="large"
          icon={<CameraOutlined />}
          disabled={!isCameraOpen || isFull || status === 'uploading'}
          loading={status === 'uploading'}
          onClick={() => void handleTake()}
        >
          {t('answerFiles.phone.take')}
        </Button>
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <div
          role="status"
          aria-live="polite"
          style={status === 'idle' ? visuallyHidden : undefined}
        >
          {status === 'uploading'
            ? t('answerFiles.phone.uploading')
            : status === 'uploaded'
              ? t('answerFiles.phone.uploaded')
              : ''}
        </div>
      </Flex>
    </Card>
  );
}
