import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentLimits } from '../../../../shared/api/documents.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { LoadError } from '../../../ui/LoadError.js';
import { PageSpinner } from '../../../ui/PageSpinner.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { DocumentList } from './DocumentList.js';
import { DocumentUploader } from './DocumentUploader.js';
import { formatBytes } from '../../../ui/format.js';
import { groupLimits } from './documentFormat.js';
import { IdentityStatusTag } from '../../../ui/IdentityStatusTag.js';
import { ReviewStatusAlert } from './ReviewStatusAlert.js';
import { SubmitReviewButton } from './SubmitReviewButton.js';
import { useMyDocuments } from './useMyDocuments.js';

const headingStyle = { fontSize: 16, margin: 0 } as const;

/** `/candidate/documents` (身份认证): upload documents, see the review, submit for review. */
export function DocumentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('candidateDocuments.title'));
  const review = useMyDocuments();
  const data = review.data;

  return (
    <RoleShell>
      <Flex vertical gap={16} style={{ maxWidth: 960, marginInline: 'auto' }}>
        <Link to="/candidate">
          <ArrowLeftOutlined aria-hidden /> {t('candidateDocuments.backHome')}
        </Link>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t('candidateDocuments.title')}
          </Typography.Title>
          {data && <IdentityStatusTag status={data.status} />}
        </Flex>
        {review.isError && !data ? (
          <LoadError error={review.error} onRetry={() => void review.refetch()} />
        ) : !data ? (
          <PageSpinner />
        ) : (
          <>
            <ReviewStatusAlert review={data} />
            {data.editable && (
              <Card title={<h2 style={headingStyle}>{t('candidateDocuments.uploadTitle')}</h2>}>
                <Flex vertical gap={12}>
                  <UploadRules limits={data.limits} />
                  <DocumentUploader review={data} />
                </Flex>
              </Card>
            )}
            <Card title={<h2 style={headingStyle}>{t('candidateDocuments.listTitle')}</h2>}>
              <Flex vertical gap={16}>
                <DocumentList documents={data.documents} isEditable={data.editable} />
                <SubmitReviewButton review={data} />
              </Flex>
            </Card>
          </>
        )}
      </Flex>
    </RoleShell>
  );
}

/** 最多上传 N 个文件; the accepted kinds; the size limit of each kind, grouped. */
function UploadRules({ limits }: { limits: DocumentLimits }) {
  const { t } = useTranslation();
  const sizeLimits = groupLimits(limits)
    .map(({ kinds, maxBytes }) =>
      t('candidateDocuments.sizeLimitGroup', {
        kinds: kinds.join(t('candidateDocuments.kindSeparator')),
        size: formatBytes(maxBytes),
      }),
    )
    .join(t('candidateDocuments.listSeparator'));
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      <li>{t('candidateDocuments.maxFiles', { max: limits.maxFiles })}</li>
      <li>{t('candidateDocuments.allowedKinds')}</li>
      <li>{t('candidateDocuments.sizeLimits', { limits: sizeLimits })}</li>
      <li>{t('candidateDocuments.typeByContent')}</li>
    </ul>
  );
}
