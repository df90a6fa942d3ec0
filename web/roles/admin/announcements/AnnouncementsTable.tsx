import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  deleteAnnouncement,
  setAnnouncementPublished,
  type AdminAnnouncement,
} from '../../../../shared/api/announcements.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { localizedName } from '../../../i18n/localizedName.js';
import { useLocale } from '../../../i18n/useLocale.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

interface AnnouncementsTableProps {
  items: AdminAnnouncement[];
  isLoading: boolean;
  onEdit: (announcement: AdminAnnouncement) => void;
  onView: (announcement: AdminAnnouncement) => void;
}

/** The admin's announcements, newest first, with their status, audience and actions. */
export function AnnouncementsTable({ items, isLoading, onEdit, onView }: AnnouncementsTableProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'announcements'] });

  const publish = useMutation({
    mutationFn: ({ id, published }: { id: string; published: boolean }) =>
      callApi(setAnnouncementPublished, {
        params: { announcementId: id },
        body: { published },
      }),
    onSuccess: async (saved) => {
      await refresh();
      void message.success(
        t(
          saved.status === 'published'
            ? 'adminAnnouncements.publishedOk'
            : 'adminAnnouncements.unpublishedOk',
        ),
      );
    },
    onError: (error) => void message.error(describe(error)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => callApi(deleteAnnouncement, { params: { announcementId: id } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('adminAnnouncements.deleted'));
    },
    onError: (error) => void message.error(describe(error)),
  });

  const scopeText = (row: AdminAnnouncement) =>
    row.collegeName === null
      ? t('adminAnnouncements.schoolWide')
      : localizedName({ name: row.collegeName, nameEn: row.collegeNameEn }, locale);

  return (
    <Table<AdminAnnouncement>
      rowKey="id"
      loading={isLoading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('adminAnnouncements.empty') }}
      columns={[
        {
          key: 'title',
          title: t('adminAnnouncements.colTitle'),
          render: (_value, row) => (
            <Typography.Text style={{ maxWidth: 360 }} ellipsis={{ tooltip: row.title }}>
              {row.title}
            </Typography.Text>
          ),
        },
        {
          key: 'scope',
          title: t('adminAnnouncements.colScope'),
          render: (_value, row) => (
            <Tag color={row.collegeId === null ? 'purple' : 'cyan'}>{scopeText(row)}</Tag>
          ),
        },
        {
          key: 'status',
          title: t('adminAnnouncements.colStatus'),
          render: (_value, row) =>
            row.status === 'published' ? (
              <Tag color="green">{t('adminAnnouncements.published')}</Tag>
            ) : (
              <Tag>{t('adminAnnouncements.draft')}</Tag>
            ),
        },
        {
          key: 'author',
          title: t('adminAnnouncements.colAuthor'),
          render: (_value, row) => row.authorName ?? '—',
        },
        {
          key: 'time',
          title: t('adminAnnouncements.colTime'),
          render: (_value, row) =>
            row.publishedAt
              ? t('adminAnnouncements.publishedAt', { time: time.dateTime(row.publishedAt) })
              : t('adminAnnouncements.createdAt', { time: time.dateTime(row.createdAt) }),
        },
        {
          key: 'actions',
          title: t('adminAnnouncements.colActions'),
          render: (_value, row) =>
            row.canEdit ? (
              <Space size={4} wrap>
                <Button size="small" onClick={() => onEdit(row)}>
                  {t('adminAnnouncements.edit')}
                </Button>
                <Button
                  size="small"
                  loading={publish.isPending && publish.variables.id === row.id}
                  onClick={() =>
                    publish.mutate({ id: row.id, published: row.status !== 'published' })
                  }
                >
                  {t(
                    row.status === 'published'
                      ? 'adminAnnouncements.unpublish'
                      : 'adminAnnouncements.publish',
                  )}
                </Button>
                <Popconfirm
                  title={t('adminAnnouncements.deleteConfirm', { title: row.title })}
                  okText={t('adminAnnouncements.deleteOk')}
                  cancelText={t('adminAnnouncements.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(row.id)}
                >
                  <Button size="small" danger>
                    {t('adminAnnouncements.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ) : (
              <Space size={4}>
                <Button size="small" onClick={() => onView(row)}>
                  {t('adminAnnouncements.view')}
                </Button>
                <Typography.Text type="secondary">
                  {t('adminAnnouncements.readOnly')}
                </Typography.Text>
              </Space>
            ),
        },
      ]}
    />
  );
}
