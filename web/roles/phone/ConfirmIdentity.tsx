import { Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhoneSession } from '../../../shared/api/phone.js';

/** 信息确认: whose camera this phone becomes; 确认是本人 goes on. */
export function ConfirmIdentity({
  session,
  onConfirm,
}: {
  session: PhoneSession;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('phoneCamera.confirm.title')}
      </Typography.Title>
      <Typography.Text>{t('phoneCamera.confirm.intro')}</Typography.Text>
      <Descriptions
        column={1}
        bordered
        size="middle"
        items={[
          { key: 'name', label: t('phoneCamera.confirm.name'), children: session.candidateName },
          { key: 'exam', label: t('phoneCamera.confirm.exam'), children: session.examName },
          {
            key: 'session',
            label: t('phoneCamera.confirm.session'),
            children: session.sessionName,
          },
          {
            key: 'admission',
            label: t('phoneCamera.confirm.admissionNumber'),
            children: session.admissionNumber,
          },
        ]}
      />
      <Button type="primary" size="large" block onClick={onConfirm}>
        {t('phoneCamera.confirm.confirm')}
      </Button>
      <Typography.Text type="secondary">{t('phoneCamera.confirm.notMe')}</Typography.Text>
    </Flex>
  );
}
