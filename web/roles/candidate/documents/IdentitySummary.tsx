import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IdentityStatusTag } from '../../../ui/IdentityStatusTag.js';
import { useMyDocuments } from './useMyDocuments.js';

const DOCUMENTS_PATH = '/candidate/documents';

/** The 身份认证 block of the candidate's home: status, reason when rejected, link to the page. */
export function IdentitySummary() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const review = useMyDocuments();
  const data = review.data;
  const canUpload = data ? data.editable : true;
  return (
    <Flex vertical gap={8} align="flex-start">
      {data && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">{t('candidateDocuments.statusLabel')}</Typography.Text>
          <IdentityStatusTag status={data.status} />
        </Flex>
      )}
      {review.isError && !data && (
        <Typography.Text type="danger">{t('candidateDocuments.homeLoadFailed')}</Typography.Text>
      )}
      {data?.status === 'rejected' && (
        <Typography.Text type="danger">
          {data.reason
            ? t('candidateDocuments.rejectedAlert', { reason: data.reason })
            : t('candidateDocuments.rejectedNoReason')}
        </Typography.Text>
      )}
      {data && (data.status === 'not_uploaded' || data.status === 'draft') && (
        <Typography.Text type="secondary">
          {t('candidateDocuments.homeHint', { max: data.limits.maxFiles })}
        </Typography.Text>
      )}
      {/* A link (it navigates), drawn as a button; the click stays inside the app. */}
      <Button
        type={canUpload ? 'primary' : 'default'}
        href={DOCUMENTS_PATH}
        onClick={(event) => {
          event.preventDefault();
          void navigate(DOCUMENTS_PATH);
        }}
      >
        {canUpload
          ? t('candidateDocuments.uploadMaterials')
          : t('candidateDocuments.viewMaterials')}
      </Button>
    </Flex>
  );
}
