import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminExam } from '../../../../shared/api/exam-admin.js';
import { useSessionUser } from '../../../auth/useSessionUser.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { ExamFormDrawer } from './ExamFormDrawer.js';
import { ExamSessionsDrawer } from './ExamSessionsDrawer.js';
import { ExamsTable } from './ExamsTable.js';
import { useExams } from './useExamAdmin.js';

/** `/admin/exams`: the exams of the school or college, their sessions (考场) and staff. */
export function ExamsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminExams.title'));
  const user = useSessionUser();
  const exams = useExams();
  const [editing, setEditing] = useState<AdminExam | 'new' | null>(null);
  const [sessionsOf, setSessionsOf] = useState<string | null>(null);
  const fixedCollegeId = user.role === 'college_admin' ? user.collegeId : null;

  if (exams.isError && !exams.data) {
    return <LoadError error={exams.error} onRetry={() => void exams.refetch()} />;
  }
  const items = exams.data?.items ?? [];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('adminExams.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('adminExams.newExam')}
        </Button>
      </Flex>
      <ExamsTable
        items={items}
        isLoading={exams.isPending}
        onEdit={setEditing}
        onOpenSessions={(exam) => setSessionsOf(exam.id)}
      />
      <ExamFormDrawer
        editing={editing}
        colleges={exams.data?.colleges ?? []}
        fixedCollegeId={fixedCollegeId}
        onClose={() => setEditing(null)}
      />
      <ExamSessionsDrawer
        exam={items.find((exam) => exam.id === sessionsOf) ?? null}
        onClose={() => setSessionsOf(null)}
      />
    </Flex>
  );
}
