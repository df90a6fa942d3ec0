import {
  AudioMutedOutlined,
  AudioOutlined,
  DesktopOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicationControls } from './usePublication.js';
import type { ScreenShare } from './useScreenShare.js';

interface CallControlsProps {
  controls: PublicationControls;
  /** Examiners may turn their camera off; a candidate's stays on (they are being watched). */
  canTurnCameraOff?: boolean;
  screen?: ScreenShare;
}

/** 静音 / 关闭摄像头 / 共享屏幕 as toggle buttons (aria-pressed) in a labelled toolbar. */
export function CallControls({ controls, canTurnCameraOff = false, screen }: CallControlsProps) {
  const { t } = useTranslation();
  const isMicMuted = controls.isMuted('audio');
  const isCameraOff = controls.isMuted('video');
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap role="toolbar" aria-label={t('call.controls.label')}>
        <Button
          icon={isMicMuted ? <AudioMutedOutlined /> : <AudioOutlined />}
          aria-pressed={isMicMuted}
          disabled={!controls.isPublishing}
          danger={isMicMuted}
          onClick={() => controls.toggle('audio')}
        >
          {isMicMuted ? t('call.controls.unmute') : t('call.controls.mute')}
        </Button>
        {canTurnCameraOff ? (
          <Button
            icon={<VideoCameraOutlined />}
            aria-pressed={isCameraOff}
            disabled={!controls.isPublishing}
            danger={isCameraOff}
            onClick={() => controls.toggle('video')}
          >
            {isCameraOff ? t('call.controls.cameraOn') : t('call.controls.cameraOff')}
          </Button>
        ) : null}
        {screen ? (
          <Button
            icon={<DesktopOutlined />}
            aria-pressed={screen.isSharing}
            type={screen.isSharing ? 'primary' : 'default'}
            onClick={screen.isSharing ? screen.stop : screen.start}
          >
            {screen.isSharing ? t('call.controls.stopSharing') : t('call.controls.shareScreen')}
          </Button>
        ) : null}
      </Flex>
      {screen?.isSharing ? <span role="status">{t('call.controls.sharing')}</span> : null}
      {screen?.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('call.screenError', { reason: t(`call.screenReasons.${screen.error}`) })}
        />
      ) : null}
    </Flex>
  );
}
