import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface IssuedPassword {
  name: string;
  username: string;
  password: string;
}

interface TemporaryPasswordModalProps {
  issued: IssuedPassword | null;
  onClose: () => void;
}

/** Shows a new temporary password once; it is kept nowhere after the modal closes. */
export function TemporaryPasswordModal({ issued, onClose }: TemporaryPasswordModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const handleCopy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.password);
      void message.success(t('adminPeople.copied'));
    } catch {
      void message.error(t('adminPeople.copyFailed'));
    }
  };

  return (
    <Modal
      open={issued !== null}
      title={t('adminPeople.passwordTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('adminPeople.done')}
        </Button>
      }
    >
      {issued && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="warning" showIcon role="alert" title={t('adminPeople.passwordOnce')} />
          <Typography.Text>
            {t('adminPeople.passwordFor', { name: issued.name, username: issued.username })}
          </Typography.Text>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              readOnly
              value={issued.password}
              aria-label={t('adminPeople.passwordLabel')}
              style={{ fontFamily: 'monospace', fontSize: 18 }}
              onFocus={(event) => event.target.select()}
            />
            <Button onClick={() => void handleCopy()}>{t('adminPeople.copy')}</Button>
          </Space.Compact>
          <Typography.Text type="secondary">{t('adminPeople.passwordHint')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
