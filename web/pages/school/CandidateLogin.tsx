import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolPublic } from '../../../shared/api/org.js';
import { TabSwitch } from '../../ui/TabSwitch.js';
import { AdmissionLoginForm } from './AdmissionLoginForm.js';
import { IdNumberLoginForm } from './IdNumberLoginForm.js';
import { SmsLoginForm } from './SmsLoginForm.js';

type Method = 'sms' | 'idNumber' | 'admission';

interface CandidateLoginProps {
  school: SchoolPublic;
  autoFocus: boolean;
  onTabChange: () => void;
}

/** The three ways a candidate logs in, one tab each; only the visible form is in the page. */
export function CandidateLogin({ school, autoFocus, onTabChange }: CandidateLoginProps) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method>('sms');
  const items = [
    { key: 'sms', label: t('login.tabSms') },
    { key: 'idNumber', label: t('login.tabIdNumber') },
    { key: 'admission', label: t('login.tabAdmission') },
  ] as const;

  return (
    <TabSwitch<Method>
      label={t('login.methods')}
      items={items}
      activeKey={method}
      onChange={(next) => {
        setMethod(next);
        onTabChange();
      }}
    >
      {method === 'sms' && <SmsLoginForm school={school} autoFocus={autoFocus} />}
      {method === 'idNumber' && (
        <IdNumberLoginForm schoolSlug={school.slug} autoFocus={autoFocus} />
      )}
      {method === 'admission' && (
        <AdmissionLoginForm schoolSlug={school.slug} autoFocus={autoFocus} />
      )}
    </TabSwitch>
  );
}
