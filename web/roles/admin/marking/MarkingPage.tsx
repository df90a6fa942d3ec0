import { Breadcrumb, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../../ui/LoadError.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { MarkingCard } from './MarkingCard.js';
import { WrittenResultsCard } from './WrittenResultsCard.js';
import { useMarkingOverview } from './useMarking.js';

/** `/admin/exams/:examId/marking`: 阅卷 of a written exam's subjective answers, and its 成绩. */
export function MarkingPage() {
  const { t } = useTranslation();
  const { examId = '' } = useParams();
  const overview = useMarkingOverview(examId);
  const name = overview.data?.examName;
  const title = name ? t('writtenMarking.titleOf', { name }) : t('writtenMarking.title');
  useDocumentTitle(title);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        aria-label={t('writtenMarking.breadcrumb')}
        items={[
          { title: <Link to="/admin/exams">{t('admin.menuExams')}</Link> },
          { title: name ?? '…' },
          { title: t('writtenMarking.title') },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {title}
      </Typography.Title>
      {overview.isError && !overview.data ? (
        <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <Tabs
          items={[
            {
              key: 'marking',
              label: t('writtenMarking.tabMarking'),
              children: <MarkingCard examId={examId} overview={overview.data} />,
            },
            {
              key: 'results',
              label: t('writtenMarking.tabResults'),
              children: <WrittenResultsCard examId={examId} />,
            },
          ]}
        />
      )}
    </Flex>
  );
}
