import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until this page is built. */
export function RosterReportsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('adminReports.title')}</Typography.Title>;
}
