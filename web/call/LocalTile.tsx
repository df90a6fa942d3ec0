import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { StreamTile } from './StreamTile.js';
import type { LocalMedia } from './useLocalMedia.js';

/** One's own camera, mirrored and silent; when it cannot open, why, and 重试. */
export function LocalTile({ media, width = 240 }: { media: LocalMedia; width?: number }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} style={{ flex: `0 1 ${String(width)}px` }}>
      <StreamTile
        title={t('call.you')}
        label={t('call.localPreview')}
        stream={media.stream}
        view={media.stream ? 'live' : media.error ? 'failed' : 'connecting'}
        mirrored
        hasVideo={media.cameraError === null}
        audioOnlyText={t('call.tile.localAudioOnly')}
        testId="local-preview"
        width={width}
      />
      {media.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('call.localError')}
          description={t(`media.errors.${media.error}`)}
          action={<Button onClick={media.retry}>{t('media.retry')}</Button>}
        />
      ) : null}
      {media.stream && media.cameraError ? (
        <Alert
          type="warning"
          showIcon
          title={t('call.cameraMissing')}
          description={t('call.cameraMissingHint')}
          action={<Button onClick={media.retry}>{t('media.retry')}</Button>}
        />
      ) : null}
    </Flex>
  );
}
