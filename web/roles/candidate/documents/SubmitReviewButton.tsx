import { App, Button, Flex, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyIdentityReview } from '../../../../shared/api/documents.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useSubmitMyDocuments } from './useMyDocuments.js';

type BlockedReason = 'submitPending' | 'submitApproved' | 'submitNeedsDocuments';

/** Why 提交审核 is not possible now, or null when it is. */
function blockedReason(review: MyIdentityReview): BlockedReason | null {
  if (review.status === 'pending') return 'submitPending';
  if (review.status === 'approved') return 'submitApproved';
  if (!review.editable) return 'submitPending';
  if (review.documents.length === 0) return 'submitNeedsDocuments';
  return null;
}

/** 提交审核 (重新提交审核 after a rejection) with a confirmation; disabled with the reason. */
export function SubmitReviewButton({ review }: { review: MyIdentityReview }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const describe = useErrorMessage();
  const submit = useSubmitMyDocuments();
  const reasonId = useId();
  const reason = blockedReason(review);
  const label =
    review.status === 'rejected'
      ? t('candidateDocuments.resubmit')
      : t('candidateDocuments.submit');

  const handleClick = () => {
    void modal.confirm({
      title: t('candidateDocuments.confirmSubmitTitle'),
      content: t('candidateDocuments.confirmSubmit'),
      okText: t('candidateDocuments.ok'),
      cancelText: t('candidateDocuments.cancel'),
      onOk: () =>
        submit.mutateAsync(undefined).then(
          () => void message.success(t('candidateDocuments.submitted')),
          (error: unknown) => void message.error(describe(error)),
        ),
    });
  };

  return (
    <Flex gap={12} align="center" wrap>
      <Button
        type="primary"
        disabled={reason !== null}
        loading={submit.isPending}
        aria-describedby={reason ? reasonId : undefined}
        onClick={handleClick}
      >
        {label}
      </Button>
      {reason && (
        <Typography.Text type="secondary" id={reasonId}>
          {t(`candidateDocuments.${reason}`)}
        </Typography.Text>
      )}
    </Flex>
  );
}
