import { CameraOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkMyFaceAtSubmit, type SubmitFaceStatus } from '../../../../shared/api/submit-face.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { CameraVideo } from '../../../media/camera/CameraVideo.js';
import { useCamera } from '../../../media/camera/useCamera.js';
import { encodeSnapshot, waitForVideoFrame } from '../../../vision/snapshot.js';

interface SubmitFaceStepProps {
  registrationId: string;
  status: SubmitFaceStatus;
  onChecked: (status: SubmitFaceStatus) => void;
}

/**
 * 交卷时人脸识别 inside the 确认交卷 dialog: the camera, 拍照识别, and the server's verdict. Once
 * the verdict opens 交卷 (a match, or the photos used up: then the check is recorded as failed
 * for staff), the camera closes and the dialog's 确认交卷 is enabled.
 */
export function SubmitFaceStep({ registrationId, status, onChecked }: SubmitFaceStepProps) {
  const { t } = useTranslation();
  if (status.canSubmit) {
    if (status.passed && status.lastVerdict === 'no_reference') {
      return (
        <Alert
          type="info"
          showIcon
          role="status"
          title={t('candidateWrittenExam.face.noReference')}
        />
      );
    }
    return status.passed ? (
      <Alert type="success" showIcon role="status" title={t('candidateWrittenExam.face.passed')} />
    ) : (
      <Alert
        type="warning"
        showIcon
        role="status"
        title={t('candidateWrittenExam.face.usedUp')}
        description={t('candidateWrittenExam.face.usedUpHelp')}
      />
    );
  }
  return <FaceCamera registrationId={registrationId} status={status} onChecked={onChecked} />;
}

function FaceCamera({ registrationId, status, onChecked }: SubmitFaceStepProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [opening, setOpening] = useState(0);
  const camera = useCamera('user', opening);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const check = useMutation({
    mutationFn: async () => {
      const video = videoRef.current;
      if (!video) throw new Error('no picture yet');
      await waitForVideoFrame(video);
      const image = await encodeSnapshot(video);
      return callApi(checkMyFaceAtSubmit, { params: { registrationId }, body: { image } });
    },
    onSuccess: (outcome) => onChecked(outcome.status),
  });
  const left = status.attemptsAllowed - status.attemptsUsed;

  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t('candidateWrittenExam.face.title')}
      </Typography.Title>
      <Typography.Text>{t('candidateWrittenExam.face.intro')}</Typography.Text>
      {status.lastVerdict ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('candidateWrittenExam.face.failed', {
            reason: t(`candidateFace.verdict.${status.lastVerdict}`),
          })}
        />
      ) : null}
      {camera.status === 'error' ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('candidateWrittenExam.face.cameraFailed')}
          description={`${t(`media.errors.${camera.reason}`)} ${t('candidateWrittenExam.face.cameraHelp')}`}
          action={<Button onClick={() => setOpening((n) => n + 1)}>{t('media.retry')}</Button>}
        />
      ) : (
        <CameraVideo
          stream={camera.status === 'open' ? camera.stream : null}
          label={t('candidateWrittenExam.face.preview')}
          isMirrored
          videoRef={videoRef}
          style={{ maxHeight: 240, objectFit: 'contain' }}
        />
      )}
      <Flex gap={8} align="center" wrap>
        <Button
          icon={<CameraOutlined aria-hidden />}
          disabled={camera.status !== 'open'}
          loading={check.isPending}
          onClick={() => check.mutate()}
        >
          {t('candidateWrittenExam.face.take')}
        </Button>
        <Typography.Text type="secondary" role="status">
          {check.isPending
            ? t('candidateWrittenExam.face.checking')
            : t('candidateWrittenExam.face.attemptsLeft', { count: left })}
        </Typography.Text>
      </Flex>
      {check.isError ? (
        <Alert type="error" showIcon role="alert" title={describe(check.error)} />
      ) : null}
    </Flex>
  );
}
