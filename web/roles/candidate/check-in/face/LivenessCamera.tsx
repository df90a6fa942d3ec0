import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCheckBody, MediaError } from '../../../../../shared/api/check-in.js';
import { openUserMedia, UserMediaError } from '../../../../media/device-errors.js';
import type { BrowserFaceEngine } from '../../../../vision/face-engine.js';
import { LivenessRun, pickChallenges, type LivenessProgress } from '../../../../vision/liveness.js';
import { encodeSnapshot } from '../../../../vision/snapshot.js';

type CameraPhase =
  | { kind: 'opening' }
  | { kind: 'camera_error'; reason: MediaError }
  | { kind: 'loading_engine' }
  | { kind: 'engine_failed' }
  | { kind: 'running'; progress: LivenessProgress | null }
  | { kind: 'capturing' };

interface LivenessCameraProps {
  /** This attempt's number and the number allowed (第N次，共M次). */
  attempt: number;
  attemptsAllowed: number;
  loadEngine: () => Promise<BrowserFaceEngine>;
  onCaptured: (body: FaceCheckBody) => void;
  onCancel: () => void;
}

const VIDEO: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 480 },
  facingMode: 'user',
};

async function waitForPicture(video: HTMLVideoElement): Promise<void> {
  if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) return;
  await new Promise<void>((resolve) => {
    video.addEventListener('loadeddata', () => resolve(), { once: true });
  });
}

/**
 * The camera with an oval guide: opens the camera, runs the liveness challenge on every frame the
 * engine can take, and hands over the best frontal snapshot. The camera stops when it unmounts.
 */
export function LivenessCamera({
  attempt,
  attemptsAllowed,
  loadEngine,
  onCaptured,
  onCancel,
}: LivenessCameraProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [phase, setPhase] = useState<CameraPhase>({ kind: 'opening' });
  const [opening, setOpening] = useState(0);
  // The callbacks may change identity on every parent render; the loop reads the latest.
  const onCapturedRef = useRef(onCaptured);
  useEffect(() => {
    onCapturedRef.current = onCaptured;
  }, [onCaptured]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    // Read through a function: the cleanup flips it while the loop awaits (no stale narrowing).
    const life = { cancelled: false };
    const isCancelled = () => life.cancelled;
    let stream: MediaStream | null = null;
    const held: { best: ImageBitmap | null; last: ImageBitmap | null } = { best: null, last: null };
    const keep = (slot: 'best' | 'last', bitmap: ImageBitmap) => {
      if (held[slot] !== bitmap) held[slot]?.close();
      held[slot] = bitmap;
    };

    const run = async () => {
      setPhase({ kind: 'opening' });
      try {
        stream = await openUserMedia({ video: VIDEO, audio: false });
      } catch (error) {
        if (!isCancelled()) {
          setPhase({
            kind: 'camera_error',
            reason: error instanceof UserMediaError ? error.reason : 'unknown',
          });
        }
        return;
      }
      if (isCancelled()) return;
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      await waitForPicture(video);
      if (isCancelled()) return;

      setPhase({ kind: 'loading_engine' });
      let engine: BrowserFaceEngine;
      try {
        engine = await loadEngine();
      } catch {
        if (!isCancelled()) setPhase({ kind: 'engine_failed' });
        return;
      }
      const liveness = new LivenessRun(pickChallenges());
      setPhase({ kind: 'running', progress: null });
      try {
        for (;;) {
          if (isCancelled()) return;
          const frame = await createImageBitmap(video);
          // The engine takes its own copy (it is transferred to the worker and closed there).
          const measured = await engine.measure(await createImageBitmap(frame), performance.now());
          if (isCancelled()) {
            frame.close();
            return;
          }
          const progress = liveness.observe(measured);
          if (progress.isBestSnapshot) {
            keep('best', frame);
          } else {
            keep('last', frame);
          }
          setPhase({ kind: 'running', progress });
          if (progress.status !== 'running') break;
        }
      } catch {
        if (!isCancelled()) setPhase({ kind: 'engine_failed' });
        return;
      }
      setPhase({ kind: 'capturing' });
      const picture = held.best ?? held.last;
      const image = await encodeSnapshot(picture ?? video);
      if (!isCancelled()) onCapturedRef.current({ image, liveness: liveness.result() });
    };
    void run();

    return () => {
      life.cancelled = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
      video.srcObject = null;
      held.best?.close();
      held.last?.close();
    };
  }, [loadEngine, opening]);

  const handlePlainSnapshot = async () => {
    const video = videoRef.current;
    if (!video) return;
    setPhase({ kind: 'capturing' });
    const image = await encodeSnapshot(video);
    // No liveness could be judged: the server records it as not passed, staff review the photo.
    onCaptured({ image, liveness: { challenges: [], passed: false, framesJudged: 0 } });
  };

  return (
    <Flex vertical gap={12} align="center">
      <Typography.Text type="secondary">
        {t('candidateFace.camera.attempt', { attempt, allowed: attemptsAllowed })}
      </Typography.Text>
      <div style={{ position: 'relative', width: '100%', maxWidth: 480 }}>
        <video
          ref={videoRef}
          aria-label={t('candidateFace.camera.previewLabel')}
          muted
          playsInline
          autoPlay
          // Mirrored like a mirror, so 向左转头 moves the picture to the left too.
          style={{ width: '100%', display: 'block', transform: 'scaleX(-1)', background: '#000' }}
        />
        <div
          aria-hidden
          style={{
            position: 'absolute',
            left: '22%',
            right: '22%',
            top: '8%',
            bottom: '8%',
            border: '3px dashed rgba(255,255,255,0.85)',
            borderRadius: '50%',
            boxShadow: '0 0 0 9999px rgba(0,0,0,0.25)',
            pointerEvents: 'none',
          }}
        />
      </div>
      <CameraStatus phase={phase} />
      {phase.kind === 'camera_error' ? (
        <Alert
          type="error"
          showIcon
          title={t('candidateFace.cameraError')}
          description={t(`media.errors.${phase.reason}`)}
          action={<Button onClick={() => setOpening((n) => n + 1)}>{t('media.retry')}</Button>}
        />
      ) : null}
      {phase.kind === 'engine_failed' ? (
        <Alert
          type="warning"
          showIcon
          title={t('candidateFace.engineFailed.title')}
          description={t('candidateFace.engineFailed.body')}
          action={
            <Flex vertical gap={8}>
              <Button type="primary" onClick={() => void handlePlainSnapshot()}>
                {t('candidateFace.engineFailed.snapshot')}
              </Button>
              <Button onClick={() => setOpening((n) => n + 1)}>
                {t('candidateFace.engineFailed.reload')}
              </Button>
            </Flex>
          }
        />
      ) : null}
      <Button onClick={onCancel}>{t('candidateFace.camera.cancel')}</Button>
    </Flex>
  );
}

/** The current instruction, spoken by screen readers as it changes, and the progress. */
function CameraStatus({ phase }: { phase: CameraPhase }) {
  const { t } = useTranslation();
  const progress = phase.kind === 'running' ? phase.progress : null;
  let instruction = '';
  if (phase.kind === 'opening') instruction = t('candidateFace.camera.opening');
  else if (phase.kind === 'loading_engine') instruction = t('candidateFace.camera.loadingEngine');
  else if (phase.kind === 'capturing') instruction = t('candidateFace.instruction.lookAtCamera');
  else if (phase.kind === 'running') {
    if (!progress) instruction = t('candidateFace.instruction.ready');
    else if (progress.challenge) instruction = t(`candidateFace.instruction.${progress.challenge}`);
    else instruction = t('candidateFace.instruction.lookAtCamera');
  }
  return (
    <Flex vertical gap={4} align="center" style={{ minHeight: 72 }}>
      <div role="status" aria-live="assertive" style={{ fontSize: 22, fontWeight: 600 }}>
        {instruction}
      </div>
      <div aria-live="polite">
        {progress?.hint ? (
          <Typography.Text type="warning">
            {t(`candidateFace.hint.${progress.hint}`)}
          </Typography.Text>
        ) : null}
      </div>
      {progress ? (
        <Progress
          style={{ width: 240 }}
          percent={Math.round((progress.completed / progress.total) * 100)}
          format={() =>
            t('candidateFace.camera.progress', { done: progress.completed, total: progress.total })
          }
          aria-label={t('candidateFace.camera.progress', {
            done: progress.completed,
            total: progress.total,
          })}
        />
      ) : null}
    </Flex>
  );
}
