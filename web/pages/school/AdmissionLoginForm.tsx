import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { loginWithAdmission } from '../../../shared/api/auth.js';
import { callApi, type ApiBody } from '../../api/client.js';
import { useLoginMutation } from '../../auth/useLoginMutation.js';
import { FormNotice } from '../../forms/FormNotice.js';
import { useFieldRules } from '../../forms/useFieldRules.js';

type Values = Omit<ApiBody<typeof loginWithAdmission>, 'schoolSlug'>;

interface AdmissionLoginFormProps {
  schoolSlug: string;
  autoFocus: boolean;
}

/** 考试ID登录: the exam's ID and the candidate's admission number. */
export function AdmissionLoginForm({ schoolSlug, autoFocus }: AdmissionLoginFormProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const login = useLoginMutation((values: Values) =>
    callApi(loginWithAdmission, { body: { ...values, schoolSlug } }),
  );

  return (
    <Form<Values>
      name="admissionLogin"
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
      <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
