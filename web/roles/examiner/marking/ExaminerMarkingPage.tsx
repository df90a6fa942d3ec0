import { Breadcrumb, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RoleShell } from '../../../layout/RoleShell.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { MarkingCard } from '../../admin/marking/MarkingCard.js';
import { useMarkingOverview } from '../../admin/marking/useMarking.js';

/** `/examiner/exams/:examId/marking`: a 阅卷人 marks the exam's answers, always anonymously. */
export function ExaminerMarkingPage() {
  const { t } = useTranslation();
  const { examId = '' } = useParams();
  const overview = useMarkingOverview(examId, 'marker');
  const name = overview.data?.examName;
  const title = name
    ? `${name} · ${t('writtenMarking.markingAction')}`
    : t('writtenMarking.markingAction');
  useDocumentTitle(title);

  return (
    <RoleShell>
      <Flex vertical gap={16}>
        <Breadcrumb
          aria-label={t('writtenMarking.breadcrumb')}
          items={[
            { title: <Link to="/examiner">{t('writtenMarking.markerBack')}</Link> },
            { title: name ?? '…' },
            { title: t('writtenMarking.markingAction') },
          ]}
        />
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {title}
        </Typography.Title>
        {overview.isError && !overview.data ? (
          <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
        ) : (
          <MarkingCard examId={examId} overview={overview.data} role="marker" />
        )}
      </Flex>
    </RoleShell>
  );
}
