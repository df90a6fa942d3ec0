import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { deleteExam, type AdminExam } from '../../../../shared/api/exam-admin.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { examAdminKeys } from './useExamAdmin.js';
import { GuardedDeleteButton } from './GuardedDeleteButton.js';
import { NavButton, rosterPath } from '../roster/rosterLinks.js';
import { markingPath } from '../marking/useMarking.js';
import { papersPath } from '../papers/usePapers.js';
import { scoringPath } from '../scoring/useScoring.js';

interface ExamsTableProps {
  items: AdminExam[];
  isLoading: boolean;
  onEdit: (exam: AdminExam) => void;
  onOpenSessions: (exam: AdminExam) => void;
}

/** The exams with their 考试ID, kind, college and counts; delete only without candidates. */
export function ExamsTable({ items, isLoading, onEdit, onOpenSessions }: ExamsTableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (exam: AdminExam) => callApi(deleteExam, { params: { examId: exam.id } }),
    onSuccess: async () => {
      void message.success(t('adminExams.deleted'));
      await queryClient.invalidateQueries({ queryKey: examAdminKeys.all });
    },
    onError: (error) => void message.error(describe(error)),
  });

  const columns: TableColumnsType<AdminExam> = [
    { title: t('adminExams.code'), dataIndex: 'code' },
    { title: t('adminExams.name'), dataIndex: 'name' },
    { title: t('adminExams.kind'), key: 'kind', render: (_v, exam) => t(`examKind.${exam.kind}`) },
    {
      title: t('adminExams.college'),
      key: 'college',
      render: (_v, exam) => exam.collegeName ?? t('adminExams.collegeAll'),
    },
    { title: t('adminExams.sessionCount'), dataIndex: 'sessionCount', align: 'right' },
    { title: t('adminExams.registrationCount'), dataIndex: 'registrationCount', align: 'right' },
    {
      title: t('adminExams.actions'),
      key: 'actions',
      render: (_v, exam) => (
        <Space wrap>
          <Button size="small" type="primary" ghost onClick={() => onOpenSessions(exam)}>
            {t('adminExams.sessions')}
          </Button>
          <NavButton size="small" to={rosterPath(exam.id)}>
            {t('adminRoster.rosterAction')}
          </NavButton>
          <NavButton size="small" to={scoringPath(exam.id)}>
            {t('adminScoring.scoringAction')}
          </NavButton>
          {exam.kind === 'written' ? (
            <>
              <NavButton size="small" to={papersPath(exam.id)}>
                {t('paperEditor.paperAction')}
              </NavButton>
              <NavButton size="small" to={markingPath(exam.id)}>
                {t('writtenMarking.markingAction')}
              </NavButton>
            </>
          ) : null}
          <Button size="small" onClick={() => onEdit(exam)}>
            {t('adminExams.edit')}
          </Button>
          <GuardedDeleteButton
            isBlocked={exam.registrationCount > 0}
            confirmTitle={t('adminExams.confirmDeleteExam', { name: exam.name })}
            onConfirm={() => remove.mutate(exam)}
          />
        </Space>
      ),
    },
  ];

  return (
    <Table<AdminExam>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={isLoading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('adminExams.noExams') }}
    />
  );
}
