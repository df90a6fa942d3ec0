import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { loginAsStaff } from '../../../shared/api/auth.js';
import { callApi, type ApiBody } from '../../api/client.js';
import { useLoginMutation } from '../../auth/useLoginMutation.js';
import { FormNotice } from '../../forms/FormNotice.js';
import { useFieldRules } from '../../forms/useFieldRules.js';

type Values = Omit<ApiBody<typeof loginAsStaff>, 'schoolSlug'>;

interface StaffLoginFormProps {
  /** Absent for platform administrators, who belong to no school. */
  schoolSlug?: string;
  autoFocus: boolean;
}

/** Staff login: username or phone, and password. */
export function StaffLoginForm({ schoolSlug, autoFocus }: StaffLoginFormProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const login = useLoginMutation((values: Values) =>
    callApi(loginAsStaff, { body: { ...values, schoolSlug } }),
  );

  return (
    <Form<Values>
      name="staffLogin"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => login.mutate(values)}
    >
      <FormNotice notice={login.isError ? { kind: 'error', error: login.error } : null} />
      <Form.Item<Values>
        name="login"
        label={t('login.staffAccount')}
        rules={[rules.required(t('login.staffAccount'))]}
      >
        <Input autoFocus={autoFocus} autoComplete="username" maxLength={64} />
      </Form.Item>
      <Form.Item<Values>
        name="password"
        label={t('login.password')}
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
