import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { newPasswordSchema } from '../../shared/api/common.js';
import { useFieldRules } from './useFieldRules.js';

/** "新密码" with its rules shown, and "确认新密码" that must match it. */
export function NewPasswordFields() {
  const { t } = useTranslation();
  const rules = useFieldRules();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('password.newPassword')}
        extra={t('password.rules')}
        rules={[
          rules.required(t('password.newPassword')),
          rules.schema(t('password.newPassword'), newPasswordSchema),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          rules.required(t('password.confirmPassword')),
          rules.sameAs('newPassword', t('password.mismatch')),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
