import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNT_KINDS,
  verifyPasswordReset,
  type AccountKind,
  type ResettableAccount,
} from '../../../shared/api/auth.js';
import { phoneSchema } from '../../../shared/api/common.js';
import { callApi } from '../../api/client.js';
import { FormNotice, type FormNoticeState } from '../../forms/FormNotice.js';
import { SmsCodeField } from '../../forms/SmsCodeField.js';
import { useFieldRules } from '../../forms/useFieldRules.js';

/** What the code proved: a reset grant for the accounts of that kind with that phone. */
export interface VerifiedReset {
  resetToken: string;
  accounts: ResettableAccount[];
}

interface Values {
  accountKind: AccountKind;
  phone: string;
  code: string;
}

interface ResetVerifyFormProps {
  schoolSlug: string;
  initialKind: AccountKind;
  /** An error carried over from the second step (an expired grant). */
  initialNotice: FormNoticeState | null;
  onVerified: (verified: VerifiedReset) => void;
}

const KIND_LABELS = { candidate: 'password.kindCandidate', staff: 'password.kindStaff' } as const;

/** Step 1 of 找回密码: 考生 or 工作人员, the phone and its SMS code. */
export function ResetVerifyForm({
  schoolSlug,
  initialKind,
  initialNotice,
  onVerified,
}: ResetVerifyFormProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const [form] = Form.useForm<Values>();
  const [accountKind, setAccountKind] = useState(initialKind);
  const [notice, setNotice] = useState<FormNoticeState | null>(initialNotice);
  const verify = useMutation({
    mutationFn: (values: Values) =>
      callApi(verifyPasswordReset, { body: { ...values, schoolSlug } }),
    onSuccess: ({ resetToken, accounts }) => onVerified({ resetToken, accounts }),
    onError: (error) => setNotice({ kind: 'error', error }),
  });

  return (
    <Form<Values>
      form={form}
      name="resetVerify"
      layout="vertical"
      requiredMark={false}
      initialValues={{ accountKind: initialKind }}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.accountKind) setAccountKind(changed.accountKind);
      }}
      onFinish={(values) => {
        setNotice(null);
        verify.mutate(values);
      }}
    >
      <FormNotice notice={notice} />
      <Form.Item<Values> name="accountKind" label={t('password.accountKind')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={ACCOUNT_KINDS.map((kind) => ({ value: kind, label: t(KIND_LABELS[kind]) }))}
        />
      </Form.Item>
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
        accountKind={accountKind}
        onSent={(expiresInSeconds) => setNotice({ kind: 'codeSent', expiresInSeconds })}
        onError={(error) => setNotice({ kind: 'error', error })}
      />
      <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
        {t('password.verifySubmit')}
      </Button>
    </Form>
  );
}
