import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Radio, Result, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submitPhoneFaceCheck, type PhoneSession } from '../../../shared/api/phone.js';
import { callApi } from '../../api/client.js';
import { useErrorMessage } from '../../api/errors.js';
import { CameraErrorNotice } from './CameraErrorNotice.js';
import { CameraVideo } from '../../media/camera/CameraVideo.js';
import { useCamera } from '../../media/camera/useCamera.js';
import { encodeSnapshot, waitForVideoFrame } from '../../vision/snapshot.js';

interface PhotoCheckProps {
  session: PhoneSession;
  onSessionChange: (session: PhoneSession) => void;
  onDone: () => void;
}

/**
 * 拍照验证: take a photo, see the verdict, retake while the server says a retake can succeed,
 * go on once it allows it (a match; no reference photo at once; the photos used up).
 */
export function PhotoCheck({ session, onSessionChange, onDone }: PhotoCheckProps) {
  const { t } = useTranslation();
  const isSettled =
    session.faceVerdict === 'match' || (session.faceVerdict !== null && !session.canRetry);
  // Show the last verdict after a reload too; 返回重拍 hides it.
  const [isShowingResult, setShowingResult] = useState(session.faceVerdict !== null);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('phoneCamera.photo.title')}
      </Typography.Title>
      {isShowingResult || isSettled ? (
        <PhotoVerdict session={session} onRetake={() => setShowingResult(false)} onDone={onDone} />
      ) : (
        <PhotoCamera
          onChecked={(next) => {
            onSessionChange(next);
            setShowingResult(true);
          }}
        />
      )}
    </Flex>
  );
}

function PhotoCamera({ onChecked }: { onChecked: (session: PhoneSession) => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [facing, setFacing] = useState<'user' | 'environment'>('user');
  const [attempt, setAttempt] = useState(0);
  const camera = useCamera(facing, attempt);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const check = useMutation({
    mutationFn: async () => {
      const video = videoRef.current;
      if (!video) throw new Error('no picture yet');
      // The button is enabled as soon as the camera opens, which may be before its first frame.
      await waitForVideoFrame(video);
      const image = await encodeSnapshot(video);
      return callApi(submitPhoneFaceCheck, { body: { image } });
    },
    onSuccess: ({ session }) => onChecked(session),
  });

  return (
    <Flex vertical gap={12}>
      <Typography.Text>{t('phoneCamera.photo.intro')}</Typography.Text>
      <Radio.Group
        aria-label={t('phoneCamera.photo.switchCamera')}
        optionType="button"
        buttonStyle="solid"
        size="large"
        value={facing}
        onChange={(event) =>
          setFacing(event.target.value === 'environment' ? 'environment' : 'user')
        }
        options={[
          { value: 'user', label: t('phoneCamera.photo.front') },
          { value: 'environment', label: t('phoneCamera.photo.rear') },
        ]}
      />
      {camera.status === 'error' ? (
        <CameraErrorNotice reason={camera.reason} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <CameraVideo
          videoRef={videoRef}
          stream={camera.status === 'open' ? camera.stream : null}
          label={t('phoneCamera.photo.previewLabel')}
          isMirrored={facing === 'user'}
          style={{ aspectRatio: '3 / 4', objectFit: 'cover' }}
        />
      )}
      {check.isError ? (
        <Alert type="error" showIcon role="alert" title={describe(check.error)} />
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        disabled={camera.status !== 'open'}
        loading={check.isPending}
        onClick={() => check.mutate()}
      >
        {check.isPending ? t('phoneCamera.photo.checking') : t('phoneCamera.photo.take')}
      </Button>
    </Flex>
  );
}

interface PhotoVerdictProps {
  session: PhoneSession;
  onRetake: () => void;
  onDone: () => void;
}

function PhotoVerdict({ session, onRetake, onDone }: PhotoVerdictProps) {
  const { t } = useTranslation();
  const { faceVerdict: verdict, attemptsLeft, canRetry, canContinue } = session;
  const isMatch = verdict === 'match';
  return (
    <Result
      status={isMatch ? 'success' : canRetry ? 'error' : 'warning'}
      title={
        <span role="status">
          {isMatch ? t('phoneCamera.photo.passed') : t('phoneCamera.photo.failed')}
        </span>
      }
      subTitle={
        isMatch || verdict === null ? null : (
          <>
            <div>{t(`candidateFace.verdict.${verdict}`)}</div>
            <div>
              {canRetry
                ? t('phoneCamera.photo.attemptsLeft', { count: attemptsLeft })
                : attemptsLeft === 0
                  ? t('phoneCamera.photo.noAttemptsLeft')
                  : t('phoneCamera.photo.continueNow')}
            </div>
          </>
        )
      }
      extra={
        <Flex vertical gap={12}>
          {isMatch || canContinue ? (
            <Button type="primary" size="large" block onClick={onDone}>
              {t('phoneCamera.photo.next')}
            </Button>
          ) : null}
          {!isMatch && canRetry ? (
            <Button
              type={canContinue ? 'default' : 'primary'}
              size="large"
              block
              onClick={onRetake}
            >
              {t('phoneCamera.photo.retake')}
            </Button>
          ) : null}
        </Flex>
      }
    />
  );
}
