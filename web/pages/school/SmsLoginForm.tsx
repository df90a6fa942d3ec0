import { Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loginWithSms } from '../../../shared/api/auth.js';
import { phoneSchema } from '../../../shared/api/common.js';
import type { SchoolPublic } from '../../../shared/api/org.js';
import { callApi, type ApiBody } from '../../api/client.js';
import { useLoginMutation } from '../../auth/useLoginMutation.js';
import { FormNotice, type FormNoticeState } from '../../forms/FormNotice.js';
import { SmsCodeField } from '../../forms/SmsCodeField.js';
import { useFieldRules } from '../../forms/useFieldRules.js';
import { localizedName } from '../../i18n/localizedName.js';
import { useLocale } from '../../i18n/useLocale.js';

type Values = Omit<ApiBody<typeof loginWithSms>, 'schoolSlug'>;

interface SmsLoginFormProps {
  school: SchoolPublic;
  autoFocus: boolean;
}

/** 手机验证码登录 (docs/journeys.md J1): college, phone, SMS code. */
export function SmsLoginForm({ school, autoFocus }: SmsLoginFormProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rules = useFieldRules();
  const [form] = Form.useForm<Values>();
  const [notice, setNotice] = useState<FormNoticeState | null>(null);
  const login = useLoginMutation(
    (values: Values) => callApi(loginWithSms, { body: { ...values, schoolSlug: school.slug } }),
    (error) => setNotice({ kind: 'error', error }),
  );
  const hasColleges = school.colleges.length > 0;

  return (
    <Form<Values>
      form={form}
      name="smsLogin"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        setNotice(null);
        login.mutate(values);
      }}
    >
      <FormNotice notice={notice} />
      {hasColleges && (
        <Form.Item<Values>
          name="collegeId"
          label={t('login.college')}
          rules={[rules.select(t('login.college'))]}
        >
          <Select
            autoFocus={autoFocus}
            placeholder={t('login.collegePlaceholder')}
            // A school has dozens of colleges: typing part of the name finds one.
            showSearch={{ optionFilterProp: 'label' }}
            options={school.colleges.map((college) => ({
              value: college.id,
              label: localizedName(college, locale),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item<Values>
        name="phone"
        label={t('login.phone')}
        rules={[rules.required(t('login.phone')), rules.schema(t('login.phone'), phoneSchema)]}
      >
        <Input
          autoFocus={autoFocus && !hasColleges}
          inputMode="tel"
          autoComplete="tel"
          maxLength={11}
        />
      </Form.Item>
      <SmsCodeField
        schoolSlug={school.slug}
        purpose="login"
        onSent={(expiresInSeconds) => setNotice({ kind: 'codeSent', expiresInSeconds })}
        onError={(error) => setNotice({ kind: 'error', error })}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('login.smsHelp')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
