import { Alert, Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyAnnouncement } from '../../../../shared/api/announcements.js';
import { useErrorMessage } from '../../../api/errors.js';
import { AnnouncementModal } from './AnnouncementModal.js';

interface AnnouncementListProps {
  items: MyAnnouncement[] | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
}

const pad = (value: number) => String(value).padStart(2, '0');

function formatDate(value: string): string {
  const date = new Date(value);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The titles and dates of a card's announcements, newest first; a click opens one. */
export function AnnouncementList({ items, isLoading, error, onRetry }: AnnouncementListProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [open, setOpen] = useState<MyAnnouncement | null>(null);

  if (isLoading) return <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  if (!items) {
    return (
      <Alert
        type="warning"
        role="alert"
        title={t('adminAnnouncements.candidate.loadFailed')}
        description={describe(error)}
        action={
          <Button size="small" onClick={onRetry}>
            {t('adminAnnouncements.candidate.retry')}
          </Button>
        }
      />
    );
  }
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('candidate.noNotices')} />;
  }
  return (
    <>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 240, overflowY: 'auto' }}>
        {items.map((item) => (
          <li key={item.id}>
            <Flex justify="space-between" align="baseline" gap={8} style={{ paddingBlock: 4 }}>
              <Button
                type="link"
                onClick={() => setOpen(item)}
                style={{ padding: 0, height: 'auto', textAlign: 'start', whiteSpace: 'normal' }}
              >
                {item.title}
              </Button>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={item.publishedAt}>{formatDate(item.publishedAt)}</time>
              </Typography.Text>
            </Flex>
          </li>
        ))}
      </ul>
      <AnnouncementModal announcement={open} onClose={() => setOpen(null)} />
    </>
  );
}
