import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { loginWithIdNumber } from '../../../shared/api/auth.js';
import { idNumberSchema } from '../../../shared/api/common.js';
import { callApi } from '../../api/client.js';
import { useLoginMutation } from '../../auth/useLoginMutation.js';
import { LoginCaptchaField } from '../../forms/captcha/LoginCaptchaField.js';
import { CAPTCHA_ANSWER_FIELD, useLoginCaptcha } from '../../forms/captcha/useLoginCaptcha.js';
import { FormNotice } from '../../forms/FormNotice.js';
import { useFieldRules } from '../../forms/useFieldRules.js';

interface Values {
  idNumber: string;
  password: string;
  captchaAnswer?: string;
}

interface IdNumberLoginFormProps {
  schoolSlug: string;
  autoFocus: boolean;
}

const FORM_NAME = 'idNumberLogin';

/** 身份证号登录 (docs/journeys.md J5): ID number and password; the first password is its last six characters. */
export function IdNumberLoginForm({ schoolSlug, autoFocus }: IdNumberLoginFormProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const [form] = Form.useForm<Values>();
  const captcha = useLoginCaptcha();
  const login = useLoginMutation(
    ({ captchaAnswer, ...values }: Values) =>
      callApi(loginWithIdNumber, {
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
      <LoginCaptchaField captcha={captcha} formName={FORM_NAME} />
      <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
