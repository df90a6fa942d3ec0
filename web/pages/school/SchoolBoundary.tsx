import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SchoolPublic } from '../../../shared/api/org.js';
import { PublicShell } from '../../layout/PublicShell.js';
import { LoadError } from '../../ui/LoadError.js';
import { PageSpinner } from '../../ui/PageSpinner.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';
import { useSchoolQuery } from './useSchoolQuery.js';

interface SchoolBoundaryProps {
  children: (school: SchoolPublic) => ReactNode;
}

/** Loads the school of `/s/:slug`; shows "学校不存在" for an unknown slug. */
export function SchoolBoundary({ children }: SchoolBoundaryProps) {
  const { slug = '' } = useParams();
  const school = useSchoolQuery(slug);
  if (school.data) return children(school.data);
  if (school.isError) {
    return (
      <PublicShell width={480}>
        <LoadError error={school.error} onRetry={() => void school.refetch()} />
      </PublicShell>
    );
  }
  if (school.data === null || school.fetchStatus === 'idle') return <SchoolNotFound />;
  return (
    <PublicShell width={480}>
      <PageSpinner />
    </PublicShell>
  );
}

function SchoolNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.schoolNotFound'));
  return (
    <PublicShell width={560}>
      <Result
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('login.schoolNotFound')}</h1>}
        subTitle={t('login.schoolNotFoundDetail')}
        extra={
          <Link to="/">
            <Button type="primary">{t('app.backHome')}</Button>
          </Link>
        }
      />
    </PublicShell>
  );
}
