import { Breadcrumb, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { ResultsCard } from './ResultsCard.js';
import { ScoringFormCard } from './ScoringFormCard.js';
import { useScoringExam } from './useScoring.js';

/** `/admin/exams/:examId/scoring`: the exam's 评分表 and its 成绩 (export, publish). */
export function ScoringPage() {
  const { t } = useTranslation();
  const { examId = '' } = useParams();
  const exam = useScoringExam(examId);
  const title = exam.data
    ? t('adminScoring.titleOf', { name: exam.data.name })
    : t('adminScoring.title');
  useDocumentTitle(title);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        aria-label={t('adminScoring.breadcrumb')}
        items={[
          { title: <Link to="/admin/exams">{t('admin.menuExams')}</Link> },
          { title: exam.data?.name ?? '…' },
          { title: t('adminScoring.title') },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {title}
      </Typography.Title>
      <ScoringFormCard examId={examId} />
      <ResultsCard examId={examId} />
    </Flex>
  );
}
