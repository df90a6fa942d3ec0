import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until this page is built. */
export function TicketLookupPage() {
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('ticketLookup.title')}</Typography.Title>;
}
