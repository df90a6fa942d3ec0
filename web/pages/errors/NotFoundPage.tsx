import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PublicShell } from '../../layout/PublicShell.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';

/** Any address no route matches. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <PublicShell width={560}>
      <Result
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('notFound.title')}</h1>}
        subTitle={t('notFound.detail')}
        extra={<Link to="/">{t('app.backHome')}</Link>}
      />
    </PublicShell>
  );
}
