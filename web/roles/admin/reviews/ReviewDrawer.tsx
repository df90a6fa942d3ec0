import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Image,
  Popconfirm,
  Tag,
  Typography,
  theme,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildPath } from '../../../../shared/api/contract.js';
import {
  REVIEW_CANDIDATE_PHOTO_PATH,
  type ReviewDetail,
} from '../../../../shared/api/documents.js';
import type { ReviewState } from '../../../../shared/enums.js';
import { isApiError } from '../../../api/ApiError.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { LoadError } from '../../../ui/LoadError.js';
import { PageSpinner } from '../../../ui/PageSpinner.js';
import { RejectModal } from './RejectModal.js';
import { ReviewDocumentCard } from './ReviewDocumentCard.js';
import { useReviewDecision, useReviewDetail } from './useReviews.js';

/** The contract accepts at most this many marked documents. */
const MAX_MARKED = 10;

const STATE_COLORS: Record<ReviewState, string> = {
  draft: 'gold',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

const sectionStyle = { fontSize: 16, margin: 0 } as const;

interface ReviewDrawerProps {
  userId: string | null;
  onClose: () => void;
}

/** One candidate's review: photo, data, each document; 审核通过 or 不通过 while pending. */
export function ReviewDrawer({ userId, onClose }: ReviewDrawerProps) {
  const { t } = useTranslation();
  const detail = useReviewDetail(userId);
  const data = detail.data;
  return (
    <Drawer
      open={userId !== null}
      title={
        data ? t('adminReviews.drawerTitle', { name: data.candidateName }) : t('adminReviews.title')
      }
      size={960}
      onClose={onClose}
      destroyOnHidden
    >
      {detail.isError && !data ? (
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !data || data.userId !== userId ? (
        <PageSpinner />
      ) : (
        <ReviewContent key={data.userId} review={data} onDone={onClose} />
      )}
    </Drawer>
  );
}

function ReviewContent({ review, onDone }: { review: ReviewDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const describe = useErrorMessage();
  const { approve, reject } = useReviewDecision(review.userId);
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const [isRejecting, setIsRejecting] = useState(false);
  const isPending = review.state === 'pending';
  const isBusy = approve.isPending || reject.isPending;

  const handleFailure = (error: unknown) => {
    if (isApiError(error, 'REVIEW_NOT_PENDING')) {
      void message.warning(t('adminReviews.alreadyDecided'));
      setIsRejecting(false);
      onDone();
      return;
    }
    void message.error(describe(error));
  };

  const handleApprove = () =>
    approve.mutate(undefined, {
      onSuccess: () => {
        void message.success(t('adminReviews.approved'));
        onDone();
      },
      onError: handleFailure,
    });

  const handleReject = (reason: string) =>
    reject.mutate(
      { reason, documentIds: [...marked] },
      {
        onSuccess: () => {
          void message.success(t('adminReviews.rejected'));
          setIsRejecting(false);
          onDone();
        },
        onError: handleFailure,
      },
    );

  const toggleMark = (documentId: string, isMarked: boolean) =>
    setMarked((previous) => {
      const next = new Set(previous);
      if (isMarked) next.add(documentId);
      else next.delete(documentId);
      return next;
    });

  const dash = (value: string | null) => value ?? '—';
  const when = (value: string | null) => (value ? time.dateTime(value) : '—');

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={sectionStyle}>
        {t('adminReviews.candidateInfo')}
      </Typography.Title>
      <Flex gap={24} wrap align="flex-start">
        {review.hasPhoto ? (
          <Image
            src={buildPath(REVIEW_CANDIDATE_PHOTO_PATH, { userId: review.userId })}
            alt={t('adminReviews.photoAlt', { name: review.candidateName })}
            width={140}
          />
        ) : (
          <Typography.Text type="secondary">{t('adminReviews.noPhoto')}</Typography.Text>
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ flex: 1, minWidth: 280 }}
          items={[
            { key: 'name', label: t('adminReviews.candidateName'), children: review.candidateName },
            { key: 'id', label: t('adminReviews.idNumber'), children: dash(review.maskedIdNumber) },
            {
              key: 'college',
              label: t('adminReviews.college'),
              children: dash(review.collegeName),
            },
            { key: 'phone', label: t('adminReviews.phone'), children: dash(review.phone) },
            {
              key: 'state',
              label: t('adminReviews.status'),
              children: (
                <Tag color={STATE_COLORS[review.state]}>
                  {t(`adminReviews.state.${review.state}`)}
                </Tag>
              ),
            },
            {
              key: 'submitted',
              label: t('adminReviews.submittedAt'),
              children: when(review.submittedAt),
            },
            ...(isPending
              ? []
              : [
                  {
                    key: 'reviewed',
                    label: t('adminReviews.reviewedAt'),
                    children: when(review.reviewedAt),
                  },
                  {
                    key: 'reviewer',
                    label: t('adminReviews.reviewer'),
                    children: dash(review.reviewerName),
                  },
                ]),
            ...(review.state === 'rejected'
              ? [
                  {
                    key: 'reason',
                    label: t('adminReviews.reason'),
                    children: dash(review.reason),
                    span: 2,
                  },
                ]
              : []),
          ]}
        />
      </Flex>
      <Typography.Title level={2} style={sectionStyle}>
        {t('adminReviews.documents', { count: review.documents.length })}
      </Typography.Title>
      {isPending && marked.size >= MAX_MARKED && (
        <Typography.Text type="warning">
          {t('adminReviews.tooManyMarked', { max: MAX_MARKED })}
        </Typography.Text>
      )}
      {review.documents.length === 0 && (
        <Typography.Text type="secondary">{t('adminReviews.noDocuments')}</Typography.Text>
      )}
      {review.documents.map((document) => (
        <ReviewDocumentCard
          key={document.id}
          document={document}
          canMark={isPending}
          isMarked={marked.has(document.id)}
          canMarkMore={marked.size < MAX_MARKED}
          onMarkChange={(isMarked) => toggleMark(document.id, isMarked)}
        />
      ))}
      {isPending && (
        <Flex
          gap={12}
          justify="flex-end"
          style={{
            position: 'sticky',
            bottom: 0,
            marginInline: -token.paddingLG,
            padding: `${String(token.paddingSM)}px ${String(token.paddingLG)}px`,
            background: token.colorBgElevated,
            borderTop: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Button danger disabled={isBusy} onClick={() => setIsRejecting(true)}>
            {t('adminReviews.reject')}
          </Button>
          <Popconfirm
            title={t('adminReviews.confirmApprove', { name: review.candidateName })}
            okText={t('adminReviews.ok')}
            cancelText={t('adminReviews.cancel')}
            onConfirm={handleApprove}
          >
            <Button type="primary" loading={approve.isPending} disabled={reject.isPending}>
              {t('adminReviews.approve')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
      <RejectModal
        open={isRejecting}
        candidateName={review.candidateName}
        markedDocuments={review.documents.filter((document) => marked.has(document.id))}
        isSubmitting={reject.isPending}
        onSubmit={handleReject}
        onCancel={() => setIsRejecting(false)}
      />
    </Flex>
  );
}
