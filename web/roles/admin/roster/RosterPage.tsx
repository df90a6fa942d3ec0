import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until this page is built. */
export function RosterPage() {
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('adminRoster.title')}</Typography.Title>;
}
