import { SoundOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AudioLevelMeter, playTestTone } from '../../../../media/audio-level.js';
import { AnswerButtons } from './AnswerButtons.js';
import type { CameraFacts } from './useLocalMedia.js';

interface CameraCheckProps {
  stream: MediaStream;
  camera: CameraFacts;
  seen: boolean | null;
  onSeen: (seen: boolean) => void;
}

/** 摄像头检测: the live preview with its real resolution and frame rate, then 可以看到 / 看不到. */
export function CameraCheck({ stream, camera, seen, onSeen }: CameraCheckProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = new MediaStream(stream.getVideoTracks());
    // Autoplay of a muted element is allowed; a refusal only leaves the preview still.
    void element.play().catch(() => undefined);
    return () => {
      element.srcObject = null;
    };
  }, [stream]);
  return (
    <Card
      size="small"
      title={
        <h3 id={headingId} style={cardHeading}>
          {t('candidateCheckIn.device.camera')}
        </h3>
      }
    >
      <section aria-labelledby={headingId}>
        <Flex vertical gap={8}>
          <video
            ref={video}
            muted
            playsInline
            autoPlay
            aria-label={t('candidateCheckIn.device.cameraPreview')}
            style={{ width: '100%', maxWidth: 480, aspectRatio: '4 / 3', background: '#000' }}
          />
          <Typography.Text>
            {t('candidateCheckIn.device.resolution', {
              width: camera.width ?? '?',
              height: camera.height ?? '?',
              fps: camera.frameRate === null ? '?' : Math.round(camera.frameRate),
            })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('candidateCheckIn.device.cameraHint')}
          </Typography.Text>
          <AnswerButtons
            yesLabel={t('candidateCheckIn.device.canSee')}
            noLabel={t('candidateCheckIn.device.cannotSee')}
            value={seen}
            onChange={onSeen}
          />
        </Flex>
      </section>
    </Card>
  );
}

interface MicrophoneCheckProps {
  stream: MediaStream;
  /** The loudest level so far, 0..1 (kept by the parent for the report). */
  peak: number;
  onPeak: (peak: number) => void;
  seen: boolean | null;
  onSeen: (seen: boolean) => void;
}

/** 麦克风检测: a live level meter (WebAudio) and the loudest level, then 可以看到 / 看不到. */
export function MicrophoneCheck({ stream, peak, onPeak, seen, onSeen }: MicrophoneCheckProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [level, setLevel] = useState(0);
  useEffect(() => {
    let reported = 0;
    const meter = new AudioLevelMeter(new MediaStream(stream.getAudioTracks()), (now, loudest) => {
      setLevel(now);
      // The peak only grows: tell the parent only when it does, not ten times a second.
      if (loudest > reported) {
        reported = loudest;
        onPeak(loudest);
      }
    });
    return () => meter.stop();
  }, [stream, onPeak]);
  const percent = Math.round(level * 100);
  return (
    <Card
      size="small"
      title={
        <h3 id={headingId} style={cardHeading}>
          {t('candidateCheckIn.device.microphone')}
        </h3>
      }
    >
      <section aria-labelledby={headingId}>
        <Flex vertical gap={8}>
          <div
            role="progressbar"
            aria-label={t('candidateCheckIn.device.level')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            style={meterTrack}
          >
            <div style={{ ...meterFill, width: `${String(percent)}%` }} />
          </div>
          <Typography.Text>
            {t('candidateCheckIn.device.peak', { percent: Math.round(peak * 100) })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('candidateCheckIn.device.microphoneHint')}
          </Typography.Text>
          <AnswerButtons
            yesLabel={t('candidateCheckIn.device.canSee')}
            noLabel={t('candidateCheckIn.device.cannotSee')}
            value={seen}
            onChange={onSeen}
          />
        </Flex>
      </section>
    </Card>
  );
}

interface SpeakerCheckProps {
  heard: boolean | null;
  onHeard: (heard: boolean) => void;
}

/** 扬声器检测: a generated test tone, then 可以听到 / 听不到. */
export function SpeakerCheck({ heard, onHeard }: SpeakerCheckProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [isPlaying, setPlaying] = useState(false);
  const [hasPlayed, setPlayed] = useState(false);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const play = () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setPlaying(true);
    playTestTone({ signal: controller.signal })
      .catch(() => undefined)
      .finally(() => {
        if (abort.current !== controller) return;
        setPlaying(false);
        setPlayed(true);
      });
  };
  return (
    <Card
      size="small"
      title={
        <h3 id={headingId} style={cardHeading}>
          {t('candidateCheckIn.device.speaker')}
        </h3>
      }
    >
      <section aria-labelledby={headingId}>
        <Flex vertical gap={8} align="flex-start">
          <Typography.Text type="secondary">
            {t('candidateCheckIn.device.speakerHint')}
          </Typography.Text>
          <Button icon={<SoundOutlined />} loading={isPlaying} onClick={play}>
            {isPlaying ? t('candidateCheckIn.device.playing') : t('candidateCheckIn.device.play')}
          </Button>
          <AnswerButtons
            yesLabel={t('candidateCheckIn.device.canHear')}
            noLabel={t('candidateCheckIn.device.cannotHear')}
            value={heard}
            onChange={onHeard}
            disabled={!hasPlayed && heard === null}
          />
        </Flex>
      </section>
    </Card>
  );
}

const cardHeading = { fontSize: 16, margin: 0 } as const;
const meterTrack = {
  width: '100%',
  maxWidth: 480,
  height: 12,
  borderRadius: 6,
  background: 'rgba(0, 0, 0, 0.08)',
  overflow: 'hidden',
} as const;
const meterFill = {
  height: '100%',
  background: '#52c41a',
  transition: 'width 80ms linear',
} as const;
