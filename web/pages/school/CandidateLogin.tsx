import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchoolPublic } from '../../../shared/api/org.js';
import { AdmissionLoginForm } from './AdmissionLoginForm.js';
import { IdNumberLoginForm } from './IdNumberLoginForm.js';
import { SmsLoginForm } from './SmsLoginForm.js';

interface CandidateLoginProps {
  school: SchoolPublic;
  autoFocus: boolean;
  onTabChange: () => void;
}

/** The three ways a candidate logs in, one tab each. */
export function CandidateLogin({ school, autoFocus, onTabChange }: CandidateLoginProps) {
  const { t } = useTranslation();
  return (
    <Tabs
      aria-label={t('login.methods')}
      centered
      // Only the visible form is in the page, so each label names exactly one field.
      destroyOnHidden
      onChange={onTabChange}
      items={[
        {
          key: 'sms',
          label: t('login.tabSms'),
          children: <SmsLoginForm school={school} autoFocus={autoFocus} />,
        },
        {
          key: 'idNumber',
          label: t('login.tabIdNumber'),
          children: <IdNumberLoginForm schoolSlug={school.slug} autoFocus={autoFocus} />,
        },
        {
          key: 'admission',
          label: t('login.tabAdmission'),
          children: <AdmissionLoginForm schoolSlug={school.slug} autoFocus={autoFocus} />,
        },
      ]}
    />
  );
}
