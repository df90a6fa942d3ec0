import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PublicShell } from '../../layout/PublicShell.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';

/** "学校不存在": the slug in the address names no school. */
export function SchoolNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.schoolNotFound'));
  return (
    <PublicShell width={560}>
      <Result
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('login.schoolNotFound')}</h1>}
        subTitle={t('login.schoolNotFoundDetail')}
        extra={<Link to="/">{t('app.backHome')}</Link>}
      />
    </PublicShell>
  );
}
