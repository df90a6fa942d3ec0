import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resetPassword } from '../../../shared/api/auth.js';
import { phoneSchema } from '../../../shared/api/common.js';
import { callApi, type ApiBody } from '../../api/client.js';
import { FormNotice, type FormNoticeState } from '../../forms/FormNotice.js';
import { NewPasswordFields } from '../../forms/NewPasswordFields.js';
import { SmsCodeField } from '../../forms/SmsCodeField.js';
import { useFieldRules } from '../../forms/useFieldRules.js';

type Values = Omit<ApiBody<typeof resetPassword>, 'schoolSlug'> & { confirmPassword: string };

interface ResetPasswordFormProps {
  schoolSlug: string;
  onDone: () => void;
}

/** Phone, SMS code (purpose reset_password) and the new password twice. */
export function ResetPasswordForm({ schoolSlug, onDone }: ResetPasswordFormProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const [notice, setNotice] = useState<FormNoticeState | null>(null);
  const reset = useMutation({
    mutationFn: ({ confirmPassword: _confirm, ...values }: Values) =>
      callApi(resetPassword, { body: { ...values, schoolSlug } }),
    onSuccess: onDone,
    onError: (error) => setNotice({ kind: 'error', error }),
  });

  return (
    <Form<Values>
      name="resetPassword"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        setNotice(null);
        reset.mutate(values);
      }}
    >
      <FormNotice notice={notice} />
      <Form.Item<Values>
        name="phone"
        label={t('login.phone')}
        rules={[rules.required(t('login.phone')), rules.schema(t('login.phone'), phoneSchema)]}
      >
        <Input autoFocus inputMode="tel" autoComplete="tel" maxLength={11} />
      </Form.Item>
      <SmsCodeField
        schoolSlug={schoolSlug}
        purpose="reset_password"
        onSent={(expiresInSeconds) => setNotice({ kind: 'codeSent', expiresInSeconds })}
        onError={(error) => setNotice({ kind: 'error', error })}
      />
      <NewPasswordFields />
      <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
        {t('password.resetSubmit')}
      </Button>
    </Form>
  );
}
