import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deleteSession,
  type AdminExam,
  type AdminSession,
} from '../../../../shared/api/exam-admin.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { LoadError } from '../../../ui/LoadError.js';
import { StatusTag } from '../../../ui/StatusTag.js';
import { SessionFormModal } from './SessionFormModal.js';
import { SessionStaffAssignModal } from './SessionStaffAssignModal.js';
import { examAdminKeys, useExamSessions } from './useExamAdmin.js';
import { GuardedDeleteButton } from './GuardedDeleteButton.js';
import { NavButton, rosterPath } from '../roster/rosterLinks.js';

interface ExamSessionsDrawerProps {
  exam: AdminExam | null;
  onClose: () => void;
}

/** One exam's 考场: date, name, status, candidates; add, edit, staff, delete. */
export function ExamSessionsDrawer({ exam, onClose }: ExamSessionsDrawerProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const sessions = useExamSessions(exam?.id ?? null);
  const [editing, setEditing] = useState<AdminSession | 'new' | null>(null);
  const [staffOf, setStaffOf] = useState<AdminSession | null>(null);
  const remove = useMutation({
    mutationFn: (session: AdminSession) =>
      callApi(deleteSession, { params: { sessionId: session.id } }),
    onSuccess: async () => {
      void message.success(t('adminExams.deleted'));
      await queryClient.invalidateQueries({ queryKey: examAdminKeys.all });
    },
    onError: (error) => void message.error(describe(error)),
  });

  const columns: TableColumnsType<AdminSession> = [
    {
      title: time.withZone(t('adminExams.date')),
      key: 'date',
      render: (_v, row) => time.timeRange(row.startsAt, row.endsAt, { withZone: false }),
    },
    { title: t('adminExams.sessionName'), dataIndex: 'name' },
    {
      title: t('adminExams.status'),
      key: 'status',
      render: (_v, row) => <StatusTag status={row.status} />,
    },
    { title: t('adminExams.candidateCount'), dataIndex: 'candidateCount', align: 'right' },
    { title: t('adminExams.staffCount'), dataIndex: 'staffCount', align: 'right' },
    {
      title: t('adminExams.actions'),
      key: 'actions',
      render: (_v, row) => (
        <Space wrap>
          <NavButton size="small" to={rosterPath(row.examId, row.id)}>
            {t('adminRoster.rosterAction')}
          </NavButton>
          <NavButton size="small" to={`/admin/sessions/${encodeURIComponent(row.id)}/check-in`}>
            {t('staffCheckIn.openLink')}
          </NavButton>
          {exam?.kind === 'written' ? (
            <NavButton size="small" to={`/admin/sessions/${encodeURIComponent(row.id)}/attempts`}>
              {t('staffAttempts.openLink')}
            </NavButton>
          ) : null}
          <Button size="small" onClick={() => setStaffOf(row)}>
            {t('adminExams.staff')}
          </Button>
          <Button size="small" onClick={() => setEditing(row)}>
            {t('adminExams.edit')}
          </Button>
          <GuardedDeleteButton
            isBlocked={row.candidateCount > 0}
            confirmTitle={t('adminExams.confirmDeleteSession', { name: row.name })}
            onConfirm={() => remove.mutate(row)}
          />
        </Space>
      ),
    },
  ];

  return (
    <Drawer
      open={exam !== null}
      title={t('adminExams.sessionsOf', { name: exam?.name ?? '' })}
      size={960}
      onClose={onClose}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Flex justify="flex-end">
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('adminExams.newSession')}
          </Button>
        </Flex>
        {sessions.isError && !sessions.data ? (
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <Table<AdminSession>
            rowKey="id"
            columns={columns}
            dataSource={sessions.data?.items ?? []}
            loading={sessions.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('adminExams.noSessions') }}
          />
        )}
      </Flex>
      {exam && (
        <SessionFormModal examId={exam.id} editing={editing} onClose={() => setEditing(null)} />
      )}
      <SessionStaffAssignModal session={staffOf} onClose={() => setStaffOf(null)} />
    </Drawer>
  );
}
