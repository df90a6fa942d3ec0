import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { loginAsStaff } from '../../../shared/api/auth.js';
import { callApi } from '../../api/client.js';
import { useLoginMutation } from '../../auth/useLoginMutation.js';
import { LoginCaptchaField } from '../../forms/captcha/LoginCaptchaField.js';
import { CAPTCHA_ANSWER_FIELD, useLoginCaptcha } from '../../forms/captcha/useLoginCaptcha.js';
import { FormNotice } from '../../forms/FormNotice.js';
import { useFieldRules } from '../../forms/useFieldRules.js';

interface Values {
  login: string;
  password: string;
  captchaAnswer?: string;
}

interface StaffLoginFormProps {
  /** Absent for platform administrators, who belong to no school. */
  schoolSlug?: string;
  autoFocus: boolean;
}

const FORM_NAME = 'staffLogin';

/** Staff login: username or phone, and password (a picture code after failed logins). */
export function StaffLoginForm({ schoolSlug, autoFocus }: StaffLoginFormProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const [form] = Form.useForm<Values>();
  const captcha = useLoginCaptcha();
  const login = useLoginMutation(
    ({ captchaAnswer, ...values }: Values) =>
      callApi(loginAsStaff, {
        body: { ...values, schoolSlug, ...captcha.solution(captchaAnswer) },
      }),
    (error) => {
      form.setFieldValue(CAPTCHA_ANSWER_FIELD, '');
      captcha.handleFailure(error);
    },
  );

  return (
    <Form<Values>
      form={form}
      name={FORM_NAME}
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
      <LoginCaptchaField captcha={captcha} formName={FORM_NAME} />
      <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
