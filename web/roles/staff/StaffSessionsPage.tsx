import { useQuery } from '@tanstack/react-query';
import { Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSessionUser } from '../../auth/useSessionUser.js';
import { sessionAttemptsPath, sessionCheckInPath } from './check-in/paths.js';
import { useTranslation } from 'react-i18next';
import { listMyAssignments, type MyAssignment } from '../../../shared/api/exams.js';
import { callApi } from '../../api/client.js';
import { RoleShell } from '../../layout/RoleShell.js';
import { LoadError } from '../../ui/LoadError.js';
import { SessionsTable } from '../../ui/SessionsTable.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';

/**
 * Home of examiners and proctors: the sessions they are assigned to, with their duty; a role's
 * own parts (the examiner's 阅卷 list) come below as children.
 */
export function StaffSessionsPage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.mySessions'));
  const { role } = useSessionUser();

  const assignments = useQuery({
    queryKey: ['me', 'assignments'],
    queryFn: () => callApi(listMyAssignments),
    refetchInterval: 60_000,
  });

  return (
    <RoleShell>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('staff.mySessions')}
          </Typography.Title>
        }
      >
        {assignments.isError && !assignments.data ? (
          <LoadError error={assignments.error} onRetry={() => void assignments.refetch()} />
        ) : (
          <SessionsTable<MyAssignment>
            items={assignments.data?.items ?? []}
            isLoading={assignments.isPending}
            emptyText={t('staff.noSessions')}
            extraColumns={[
              {
                key: 'duty',
                title: t('staff.duty'),
                render: (_value, row) => t(`duty.${row.duty}`),
              },
            ]}
            renderActions={(row) => {
              const checkInPath = sessionCheckInPath(role, row.sessionId);
              const attemptsPath = sessionAttemptsPath(role, row.sessionId);
              return (
                <Space>
                  {checkInPath ? <Link to={checkInPath}>{t('staffCheckIn.openLink')}</Link> : null}
                  {row.examKind === 'written' && attemptsPath ? (
                    <Link to={attemptsPath}>{t('staffAttempts.openLink')}</Link>
                  ) : null}
                  {row.duty === 'panel_examiner' || row.duty === 'panel_chair' ? (
                    <Link to={`/examiner/sessions/${encodeURIComponent(row.sessionId)}/panel`}>
                      {t('staffPanel.openLink')}
                    </Link>
                  ) : null}
                  {row.duty === 'panel_examiner' || row.duty === 'panel_chair' ? (
                    <Link to={`/examiner/sessions/${encodeURIComponent(row.sessionId)}/scores`}>
                      {t('staffScoring.title')}
                    </Link>
                  ) : null}
                  {row.duty === 'waiting_examiner' ? (
                    <Link
                      to={`/examiner/sessions/${encodeURIComponent(row.sessionId)}/waiting-room`}
                    >
                      {t('staffWaitingRoom.openLink')}
                    </Link>
                  ) : null}
                </Space>
              );
            }}
          />
        )}
      </Card>
      {children}
    </RoleShell>
  );
}
