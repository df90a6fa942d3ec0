import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getAdminOverview } from '../../../shared/api/exams.js';
import { callApi } from '../../api/client.js';
import { LoadError } from '../../ui/LoadError.js';
import { SessionsTable } from '../../ui/SessionsTable.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';
import { useSessionUser } from '../../auth/useSessionUser.js';
import { sessionCheckInPath } from '../staff/check-in/paths.js';
import { AdminCounts } from './AdminCounts.js';
import { LoginAlerts } from './alerts/LoginAlerts.js';
import { SchoolTimeZoneCard } from './SchoolTimeZoneCard.js';

/** `/admin`: login alerts, counts and sessions within the admin's school or college. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const { role } = useSessionUser();
  useDocumentTitle(t('admin.overview'));
  const overview = useQuery({
    queryKey: ['admin', 'overview'],
    queryFn: () => callApi(getAdminOverview),
    refetchInterval: 60_000,
  });

  if (overview.isError && !overview.data) {
    return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const scope = overview.data?.scope;
  const scopeText =
    [scope?.schoolName, scope?.collegeName].filter(Boolean).join(' · ') || t('admin.scopePlatform');

  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('admin.overview')}
        </Typography.Title>
        {scope && <Typography.Text type="secondary">{scopeText}</Typography.Text>}
      </div>
      {overview.data && (
        <LoginAlerts alerts={overview.data.loginAlerts} showSchool={role === 'platform_admin'} />
      )}
      {overview.data ? <AdminCounts counts={overview.data.counts} /> : <Spin />}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('admin.sessions')}</h2>}>
        <SessionsTable
          items={overview.data?.sessions ?? []}
          isLoading={overview.isPending}
          emptyText={t('admin.noSessions')}
          renderActions={(row) => {
            // Platform admins have no school pages (no check-in view).
            const path = sessionCheckInPath(role, row.sessionId);
            return path ? <Link to={path}>{t('staffCheckIn.openLink')}</Link> : null;
          }}
        />
      </Card>
      {role === 'school_admin' ? <SchoolTimeZoneCard /> : null}
    </Flex>
  );
}
