import { Button, Flex, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSummary } from '../../../../shared/api/documents.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { TabSwitch } from '../../../ui/TabSwitch.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { ReviewDrawer } from './ReviewDrawer.js';
import { PAGE_SIZE, useReviewList, type ListedState } from './useReviews.js';

const STATES: readonly ListedState[] = ['pending', 'approved', 'rejected'];

/** `/admin/reviews` (材料审核): the candidates' identity documents by review state. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  useDocumentTitle(t('adminReviews.title'));
  const searchId = useId();
  const [state, setState] = useState<ListedState>('pending');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [openUserId, setOpenUserId] = useState<string | null>(null);
  const reviews = useReviewList({ state, q, page });

  const columns: TableColumnsType<ReviewSummary> = [
    { title: t('adminReviews.candidateName'), dataIndex: 'candidateName' },
    {
      title: t('adminReviews.idNumber'),
      key: 'idNumber',
      render: (_value, row) => row.maskedIdNumber ?? '—',
    },
    {
      title: t('adminReviews.college'),
      key: 'college',
      render: (_value, row) => row.collegeName ?? '—',
    },
    {
      title: time.withZone(t('adminReviews.submittedAt')),
      key: 'submittedAt',
      render: (_value, row) =>
        row.submittedAt ? time.dateTime(row.submittedAt, { withZone: false }) : '—',
    },
    ...(state === 'pending'
      ? []
      : [
          {
            title: time.withZone(t('adminReviews.reviewedAt')),
            key: 'reviewedAt',
            render: (_value: unknown, row: ReviewSummary) =>
              row.reviewedAt ? time.dateTime(row.reviewedAt, { withZone: false }) : '—',
          },
        ]),
    { title: t('adminReviews.documentCount'), dataIndex: 'documentCount', align: 'right' },
    {
      title: t('adminReviews.actions'),
      key: 'actions',
      render: (_value, row) => (
        <Button
          size="small"
          type={row.state === 'pending' ? 'primary' : 'default'}
          onClick={() => setOpenUserId(row.userId)}
        >
          {row.state === 'pending' ? t('adminReviews.review') : t('adminReviews.view')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('adminReviews.title')}
      </Typography.Title>
      <TabSwitch
        label={t('adminReviews.tabsLabel')}
        items={STATES.map((key) => ({ key, label: t(`adminReviews.tabs.${key}`) }))}
        activeKey={state}
        onChange={(next) => {
          setState(next);
          setPage(1);
        }}
      >
        <Flex vertical gap={16}>
          <Flex align="center" gap={8} wrap>
            <label htmlFor={searchId}>{t('adminReviews.searchLabel')}</label>
            <Input.Search
              id={searchId}
              allowClear
              maxLength={64}
              style={{ maxWidth: 360 }}
              placeholder={t('adminReviews.searchPlaceholder')}
              enterButton={t('adminReviews.search')}
              onSearch={(value) => {
                setQ(value.trim());
                setPage(1);
              }}
            />
          </Flex>
          {reviews.isError && !reviews.data ? (
            <LoadError error={reviews.error} onRetry={() => void reviews.refetch()} />
          ) : (
            <Table<ReviewSummary>
              rowKey="userId"
              columns={columns}
              dataSource={reviews.data?.items ?? []}
              loading={reviews.isFetching}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('adminReviews.empty') }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: reviews.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => t('adminReviews.total', { total }),
                onChange: setPage,
              }}
            />
          )}
        </Flex>
      </TabSwitch>
      <ReviewDrawer userId={openUserId} onClose={() => setOpenUserId(null)} />
    </Flex>
  );
}
