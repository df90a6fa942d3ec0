import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyIdentityReview } from '../../../../shared/api/documents.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

/** 未通过 with the reviewer's reason, 待审核 or 审核通过; nothing before the first submission. */
export function ReviewStatusAlert({ review }: { review: MyIdentityReview }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const submitted = review.submittedAt
    ? t('candidateDocuments.submittedAt', { time: time.dateTime(review.submittedAt) })
    : null;
  const reviewed = review.reviewedAt
    ? t('candidateDocuments.reviewedAt', { time: time.dateTime(review.reviewedAt) })
    : null;
  switch (review.status) {
    case 'rejected':
      return (
        <Alert
          type="error"
          showIcon
          title={
            review.reason
              ? t('candidateDocuments.rejectedAlert', { reason: review.reason })
              : t('candidateDocuments.rejectedNoReason')
          }
          description={[t('candidateDocuments.rejectedHint'), reviewed].filter(Boolean).join(' ')}
        />
      );
    case 'pending':
      return (
        <Alert
          type="info"
          showIcon
          title={t('candidateDocuments.pendingAlert')}
          description={submitted}
        />
      );
    case 'approved':
      return (
        <Alert
          type="success"
          showIcon
          title={t('candidateDocuments.approvedAlert')}
          description={reviewed}
        />
      );
    case 'not_uploaded':
    case 'draft':
      return null;
  }
}
