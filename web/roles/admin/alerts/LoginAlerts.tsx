import { Alert, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LoginAlert } from '../../../../shared/api/login-alerts.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

/** One alert as a sentence; the account shows as 姓名（用户名） when the login name has one. */
function describeAlert(alert: LoginAlert, t: TFunction): string {
  const ip = alert.ip ?? '—';
  const count = alert.count;
  switch (alert.kind) {
    case 'admission_exam':
      return alert.examCode
        ? t('adminAlerts.admission_exam', { exam: alert.examCode, count })
        : t('adminAlerts.admission_examUnknown', { count });
    case 'admission_ip':
      return t('adminAlerts.admission_ip', { ip, count });
    case 'staff_password':
    case 'candidate_password': {
      const unknown =
        alert.kind === 'staff_password'
          ? t('adminAlerts.unknownStaff')
          : t('adminAlerts.unknownCandidate');
      const account = !alert.accountName
        ? unknown
        : alert.accountUsername
          ? t('adminAlerts.accountWithUsername', {
              name: alert.accountName,
              username: alert.accountUsername,
            })
          : alert.accountName;
      const key =
        alert.unit === 'clients'
          ? (`adminAlerts.${alert.kind}_clients` as const)
          : (`adminAlerts.${alert.kind}_failures` as const);
      return t(key, { account, ip, count });
    }
  }
}

/** Bursts of failed logins of the last day, at the top of the admin home; nothing when none. */
export function LoginAlerts({ alerts, showSchool }: { alerts: LoginAlert[]; showSchool: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  if (alerts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('adminAlerts.title')}</h2>}
      description={
        <>
          <ul style={{ paddingInlineStart: 20, margin: '8px 0' }}>
            {alerts.map((alert) => (
              <li key={alert.id}>
                <Typography.Text type="secondary">
                  {time.dateTime(alert.createdAt)}{' '}
                </Typography.Text>
                {showSchool && alert.schoolName ? `${alert.schoolName} · ` : ''}
                {describeAlert(alert, t)}
              </li>
            ))}
          </ul>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('adminAlerts.advice')}
          </Typography.Paragraph>
        </>
      }
    />
  );
}
