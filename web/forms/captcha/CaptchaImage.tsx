import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const WIDTH = 120;
const HEIGHT = 40;

interface CaptchaImageProps {
  imageUrl: string | null;
  isFetching: boolean;
  hasFailed: boolean;
  onRefresh: () => void;
}

/** The picture code beside its input: click the picture or 换一张 for a new one. */
export function CaptchaImage({ imageUrl, isFetching, hasFailed, onRefresh }: CaptchaImageProps) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={4} style={{ flex: 'none' }}>
      <Spin spinning={isFetching} size="small">
        <div
          style={{
            width: WIDTH,
            height: HEIGHT,
            border: '1px solid #d9d9d9',
            borderRadius: 6,
            overflow: 'hidden',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
          }}
        >
          {imageUrl ? (
            // The button beside it does the same for keyboard users.
            <img
              src={imageUrl}
              alt={t('captcha.image')}
              title={t('captcha.refreshHint')}
              width={WIDTH}
              height={HEIGHT}
              style={{ cursor: 'pointer', display: 'block' }}
              onClick={onRefresh}
            />
          ) : (
            hasFailed && (
              <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">
                {t('captcha.loadFailed')}
              </Typography.Text>
            )
          )}
        </div>
      </Spin>
      <Button
        type="link"
        size="small"
        icon={<ReloadOutlined aria-hidden />}
        onClick={onRefresh}
        disabled={isFetching}
        aria-label={t('captcha.refreshLabel')}
      >
        {t('captcha.refresh')}
      </Button>
    </Flex>
  );
}
