import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { SchoolPublic } from '../../../shared/api/org.js';
import { PublicShell } from '../../layout/PublicShell.js';
import { LoadError } from '../../ui/LoadError.js';
import { PageSpinner } from '../../ui/PageSpinner.js';
import { SchoolNotFound } from './SchoolNotFound.js';
import { useSchoolQuery } from './useSchoolQuery.js';

interface SchoolBoundaryProps {
  children: (school: SchoolPublic) => ReactNode;
}

/** Loads the school of `/s/:slug` and renders its page, or "学校不存在" for an unknown slug. */
export function SchoolBoundary({ children }: SchoolBoundaryProps) {
  const { slug = '' } = useParams();
  const school = useSchoolQuery(slug);
  if (school.data) return children(school.data);
  if (school.data === null) return <SchoolNotFound />;
  return (
    <PublicShell width={480}>
      {school.isError ? (
        <LoadError error={school.error} onRetry={() => void school.refetch()} />
      ) : (
        <PageSpinner />
      )}
    </PublicShell>
  );
}
