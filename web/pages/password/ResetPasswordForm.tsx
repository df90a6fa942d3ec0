import { useMutation } from '@tanstack/react-query';
import { Button, Form, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { resetPassword, type ResettableAccount } from '../../../shared/api/auth.js';
import { callApi, isApiError } from '../../api/client.js';
import { FormNotice } from '../../forms/FormNotice.js';
import { NewPasswordFields } from '../../forms/NewPasswordFields.js';
import { useFieldRules } from '../../forms/useFieldRules.js';
import type { VerifiedReset } from './ResetVerifyForm.js';

interface Values {
  /** Asked only when the phone has several accounts of the kind. */
  accountId?: string;
  newPassword: string;
  confirmPassword: string;
}

interface ResetPasswordFormProps {
  schoolSlug: string;
  verified: VerifiedReset;
  onDone: () => void;
  /** The grant expired or was used: back to step 1 with this error. */
  onExpired: (error: unknown) => void;
  onStartOver: () => void;
}

/** Step 2 of 找回密码: the account (when the phone has several) and the new password twice. */
export function ResetPasswordForm({
  schoolSlug,
  verified,
  onDone,
  onExpired,
  onStartOver,
}: ResetPasswordFormProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const { accounts } = verified;
  const [only] = accounts;
  const label = (account: ResettableAccount) =>
    account.maskedUsername
      ? t('password.accountOptionWithUsername', {
          name: account.maskedName,
          username: account.maskedUsername,
          role: t(`roles.${account.role}`),
        })
      : t('password.accountOption', { name: account.maskedName, role: t(`roles.${account.role}`) });
  const reset = useMutation({
    mutationFn: ({ accountId, newPassword }: Values) =>
      callApi(resetPassword, {
        body: {
          schoolSlug,
          resetToken: verified.resetToken,
          accountId: accountId ?? only?.accountId ?? '',
          newPassword,
        },
      }),
    onSuccess: onDone,
    onError: (error) => {
      if (isApiError(error, 'PASSWORD_RESET_EXPIRED')) onExpired(error);
    },
  });

  return (
    <Form<Values>
      name="resetPassword"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => reset.mutate(values)}
    >
      <FormNotice notice={reset.isError ? { kind: 'error', error: reset.error } : null} />
      {accounts.length === 1 && only ? (
        <Typography.Paragraph role="status">
          {t('password.resetFor', { account: label(only) })}
        </Typography.Paragraph>
      ) : (
        <Form.Item<Values>
          name="accountId"
          label={t('password.chooseAccount')}
          extra={t('password.chooseAccountHint')}
          rules={[rules.select(t('password.chooseAccount'))]}
        >
          <Radio.Group>
            <Space orientation="vertical">
              {accounts.map((account) => (
                <Radio key={account.accountId} value={account.accountId}>
                  {label(account)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      )}
      <NewPasswordFields />
      <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
        {t('password.resetSubmit')}
      </Button>
      <Button type="link" block onClick={onStartOver}>
        {t('password.startOver')}
      </Button>
    </Form>
  );
}
