import { Breadcrumb, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paperKindSchema } from '../../../../shared/api/papers.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { PaperEditor } from './PaperEditor.js';
import { usePaperExam } from './usePapers.js';

/** `/admin/exams/:examId/papers`: 试卷 of a written exam, its formal paper and its mock paper. */
export function PapersPage() {
  const { t } = useTranslation();
  const { examId = '' } = useParams();
  const exam = usePaperExam(examId);
  const name = exam.data?.name;
  const title = name ? t('paperEditor.titleOf', { name }) : t('paperEditor.title');
  useDocumentTitle(title);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        aria-label={t('paperEditor.breadcrumb')}
        items={[
          { title: <Link to="/admin/exams">{t('admin.menuExams')}</Link> },
          { title: name ?? '…' },
          { title: t('paperEditor.title') },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary">{t('paperEditor.intro')}</Typography.Text>
      <Tabs
        items={paperKindSchema.options.map((kind) => ({
          key: kind,
          label: t(`paperEditor.kinds.${kind}`),
          children: <PaperEditor examId={examId} kind={kind} />,
        }))}
      />
    </Flex>
  );
}
