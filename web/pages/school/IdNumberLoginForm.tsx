import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { loginWithIdNumber } from '../../../shared/api/auth.js';
import { idNumberSchema } from '../../../shared/api/common.js';
import { callApi, type ApiBody } from '../../api/client.js';
import { useLoginMutation } from '../../auth/useLoginMutation.js';
import { FormNotice } from '../../forms/FormNotice.js';
import { useFieldRules } from '../../forms/useFieldRules.js';

type Values = Omit<ApiBody<typeof loginWithIdNumber>, 'schoolSlug'>;

interface IdNumberLoginFormProps {
  schoolSlug: string;
  autoFocus: boolean;
}

/** 身份证号登录 (seed 004): ID number and password; the first password is its last six characters. */
export function IdNumberLoginForm({ schoolSlug, autoFocus }: IdNumberLoginFormProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const login = useLoginMutation((values: Values) =>
    callApi(loginWithIdNumber, { body: { ...values, schoolSlug } }),
  );

  return (
    <Form<Values>
      name="idNumberLogin"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => login.mutate(values)}
    >
      <FormNotice notice={login.isError ? { kind: 'error', error: login.error } : null} />
      <Form.Item<Values>
        name="idNumber"
        label={t('login.idNumber')}
        rules={[
          rules.required(t('login.idNumber')),
          rules.schema(t('login.idNumber'), idNumberSchema),
        ]}
      >
        <Input autoFocus={autoFocus} autoComplete="username" maxLength={18} />
      </Form.Item>
      <Form.Item<Values>
        name="password"
        label={t('login.password')}
        extra={t('login.idPasswordHint')}
        rules={[rules.required(t('login.password'))]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
