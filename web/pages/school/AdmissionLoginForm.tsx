import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { loginWithAdmission } from '../../../shared/api/auth.js';
import { callApi } from '../../api/client.js';
import { useLoginMutation } from '../../auth/useLoginMutation.js';
import { LoginCaptchaField } from '../../forms/captcha/LoginCaptchaField.js';
import { CAPTCHA_ANSWER_FIELD, useLoginCaptcha } from '../../forms/captcha/useLoginCaptcha.js';
import { FormNotice } from '../../forms/FormNotice.js';
import { useFieldRules } from '../../forms/useFieldRules.js';

interface Values {
  examCode: string;
  admissionNumber: string;
  captchaAnswer?: string;
}

interface AdmissionLoginFormProps {
  schoolSlug: string;
  autoFocus: boolean;
}

const FORM_NAME = 'admissionLogin';

/** 考试ID登录: the exam's ID and the candidate's admission number (a picture code after misses). */
export function AdmissionLoginForm({ schoolSlug, autoFocus }: AdmissionLoginFormProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const [form] = Form.useForm<Values>();
  const captcha = useLoginCaptcha();
  const login = useLoginMutation(
    ({ captchaAnswer, ...values }: Values) =>
      callApi(loginWithAdmission, {
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
        name="examCode"
        label={t('login.examCode')}
        rules={[rules.required(t('login.examCode'))]}
      >
        <Input autoFocus={autoFocus} autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item<Values>
        name="admissionNumber"
        label={t('login.admissionNumber')}
        rules={[rules.required(t('login.admissionNumber'))]}
      >
        <Input autoComplete="off" maxLength={40} />
      </Form.Item>
      <LoginCaptchaField captcha={captcha} formName={FORM_NAME} />
      <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
