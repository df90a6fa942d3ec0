import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const RULES = ['light', 'face', 'nothingCovering', 'alone', 'browserAsk', 'privacy'] as const;

/** 人脸识别须知: what will happen and how to sit, then 开始认证. */
export function FaceNotice({ onStart }: { onStart: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} align="flex-start">
      <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
        {t('candidateFace.notice.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t('candidateFace.notice.intro')}
      </Typography.Paragraph>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {RULES.map((rule) => (
          <li key={rule}>{t(`candidateFace.notice.${rule}`)}</li>
        ))}
      </ol>
      <Button type="primary" size="large" onClick={onStart}>
        {t('candidateFace.notice.start')}
      </Button>
    </Flex>
  );
}
