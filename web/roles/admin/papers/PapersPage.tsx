import { Badge, Breadcrumb, Flex, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paperKindSchema, type PaperKind } from '../../../../shared/api/papers.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { PaperEditor } from './PaperEditor.js';
import { useLeaveGuard } from './useLeaveGuard.js';
import { usePaperExam } from './usePapers.js';

/**
 * `/admin/exams/:examId/papers`: 试卷 of a written exam, its formal paper and its mock paper. The
 * two tabs stay mounted once opened, so switching between them keeps both drafts; leaving the
 * page while either has unsaved changes asks first (useLeaveGuard).
 */
export function PapersPage() {
  const { t } = useTranslation();
  const { examId = '' } = useParams();
  const exam = usePaperExam(examId);
  const name = exam.data?.name;
  const title = name ? t('paperEditor.titleOf', { name }) : t('paperEditor.title');
  useDocumentTitle(title);
  const [dirtyKinds, setDirtyKinds] = useState<readonly PaperKind[]>([]);
  const handleDirtyChange = useCallback((kind: PaperKind, isDirty: boolean) => {
    setDirtyKinds((kinds) => {
      if (kinds.includes(kind) === isDirty) return kinds;
      return isDirty ? [...kinds, kind] : kinds.filter((other) => other !== kind);
    });
  }, []);
  useLeaveGuard(dirtyKinds.length > 0);

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
          label: (
            <Flex gap={6} align="center">
              {t(`paperEditor.kinds.${kind}`)}
              {dirtyKinds.includes(kind) ? (
                <Badge status="processing" text={t('paperEditor.unsaved')} />
              ) : null}
            </Flex>
          ),
          children: <PaperEditor examId={examId} kind={kind} onDirtyChange={handleDirtyChange} />,
        }))}
      />
    </Flex>
  );
}
