import { Alert, Button, Flex, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  continueAfterFaceFailure,
  submitMyFaceCheck,
  type CheckInState,
  type FaceCheckBody,
} from '../../../../../shared/api/check-in.js';
import type { FaceVerdict } from '../../../../../shared/enums.js';
import { callApi } from '../../../../api/client.js';
import { useErrorMessage } from '../../../../api/errors.js';
import type { CheckInStepProps } from '../stepProps.js';
import { FaceNotice } from './FaceNotice.js';
import { FaceResultPanel } from './FaceResultPanel.js';
import { LivenessCamera } from './LivenessCamera.js';
import { useFaceEngine } from './useFaceEngine.js';

type Phase =
  | { kind: 'notice' }
  | { kind: 'camera' }
  | { kind: 'uploading' }
  | { kind: 'upload_failed'; message: string }
  | { kind: 'result'; verdict: FaceVerdict; score: number | null; state: CheckInState };

/** A reload after a failed attempt comes back to that attempt's result (retry or continue). */
function initialPhase(state: CheckInState): Phase {
  const face = state.steps.face;
  if (
    face.state === 'pending' &&
    face.attempts > 0 &&
    face.lastVerdict &&
    face.lastVerdict !== 'match'
  ) {
    return { kind: 'result', verdict: face.lastVerdict, score: face.score, state };
  }
  return { kind: 'notice' };
}

/** 人脸识别: notice, liveness challenge, snapshot to the server, retries, flagged continue. */
export function FaceCheckStep({ state, onStateChange }: CheckInStepProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const loadEngine = useFaceEngine();
  const [phase, setPhase] = useState<Phase>(() => initialPhase(state));
  const [isBusy, setBusy] = useState(false);
  const params = { registrationId: state.registrationId };
  // The newest state this step knows: the server's answer to the last upload, else the page's.
  const latest = phase.kind === 'result' ? phase.state : state;

  const handleCaptured = (body: FaceCheckBody) => {
    setPhase({ kind: 'uploading' });
    callApi(submitMyFaceCheck, { params, body }).then(
      ({ result, state: next }) =>
        setPhase({ kind: 'result', verdict: result.verdict, score: result.score, state: next }),
      (error: unknown) => setPhase({ kind: 'upload_failed', message: describe(error) }),
    );
  };

  const handleContinue = () => {
    setBusy(true);
    callApi(continueAfterFaceFailure, { params }).then(
      (next) => {
        setBusy(false);
        onStateChange(next);
      },
      (error: unknown) => {
        setBusy(false);
        setPhase({ kind: 'upload_failed', message: describe(error) });
      },
    );
  };

  switch (phase.kind) {
    case 'notice':
      return <FaceNotice onStart={() => setPhase({ kind: 'camera' })} />;
    case 'camera':
      return (
        <LivenessCamera
          attempt={latest.steps.face.attempts + 1}
          attemptsAllowed={latest.steps.face.attemptsAllowed}
          loadEngine={loadEngine}
          onCaptured={handleCaptured}
          onCancel={() => setPhase({ kind: 'notice' })}
        />
      );
    case 'uploading':
      return (
        <Flex vertical align="center" gap={12} role="status" aria-live="polite">
          <Spin />
          {t('candidateFace.instruction.uploading')}
        </Flex>
      );
    case 'upload_failed':
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('candidateFace.result.uploadFailed', { reason: phase.message })}
          action={
            <Button onClick={() => setPhase({ kind: 'camera' })}>
              {t('candidateFace.result.retry')}
            </Button>
          }
        />
      );
    case 'result':
      return (
        <FaceResultPanel
          verdict={phase.verdict}
          score={phase.score}
          face={phase.state.steps.face}
          isBusy={isBusy}
          onNext={() => onStateChange(phase.state)}
          onRetry={() => setPhase({ kind: 'camera' })}
          onContinue={handleContinue}
        />
      );
  }
}
