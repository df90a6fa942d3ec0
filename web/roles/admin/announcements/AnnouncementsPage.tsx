import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until this part of the admin console lands. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('admin.menuAnnouncements')}</Typography.Title>;
}
