import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until this page is built. */
export function DocumentsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('candidateDocuments.title')}</Typography.Title>;
}
