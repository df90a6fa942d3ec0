import { Breadcrumb, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../../ui/LoadError.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { RosterImportCard } from './RosterImportCard.js';
import { RosterPhotosCard } from './RosterPhotosCard.js';
import { SessionRosters } from './SessionRosters.js';
import { useRosterExam } from './useRoster.js';

/** `/admin/exams/:examId/roster`: import an exam's candidates and photos, see each session's list. */
export function RosterPage() {
  const { t } = useTranslation();
  const { examId = '' } = useParams();
  const exam = useRosterExam(examId);
  const title = exam.data
    ? t('adminRoster.titleOf', { name: exam.data.name })
    : t('adminRoster.title');
  useDocumentTitle(title);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        aria-label={t('adminRoster.breadcrumb')}
        items={[
          { title: <Link to="/admin/exams">{t('admin.menuExams')}</Link> },
          { title: exam.data?.name ?? '…' },
          { title: t('adminRoster.title') },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {title}
      </Typography.Title>
      {exam.isError && !exam.data ? (
        <LoadError error={exam.error} onRetry={() => void exam.refetch()} />
      ) : (
        <>
          <RosterImportCard examId={examId} />
          <RosterPhotosCard examId={examId} />
          <SessionRosters examId={examId} />
        </>
      )}
    </Flex>
  );
}
