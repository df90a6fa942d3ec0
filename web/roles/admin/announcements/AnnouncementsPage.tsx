import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listAdminAnnouncements,
  type AdminAnnouncement,
} from '../../../../shared/api/announcements.js';
import { callApi } from '../../../api/client.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { AnnouncementModal } from '../../candidate/announcements/AnnouncementModal.js';
import { AnnouncementEditor } from './AnnouncementEditor.js';
import { AnnouncementsTable } from './AnnouncementsTable.js';

type Editing = { kind: 'new' } | { kind: 'edit'; announcement: AdminAnnouncement };

/** `/admin/announcements`: 学校公告 and 学院公告, written, published and withdrawn here. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminAnnouncements.title'));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [viewing, setViewing] = useState<AdminAnnouncement | null>(null);
  const list = useQuery({
    queryKey: ['admin', 'announcements'],
    queryFn: () => callApi(listAdminAnnouncements),
  });

  if (list.isError && !list.data) {
    return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  }
  const canWrite = Boolean(
    list.data && (list.data.canWriteSchoolWide || list.data.colleges.length),
  );

  return (
    <Flex vertical gap={24}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t('adminAnnouncements.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('adminAnnouncements.intro')}</Typography.Text>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!canWrite}
          onClick={() => setEditing({ kind: 'new' })}
        >
          {t('adminAnnouncements.create')}
        </Button>
      </Flex>
      <Card>
        <AnnouncementsTable
          items={list.data?.items ?? []}
          isLoading={list.isPending}
          onEdit={(announcement) => setEditing({ kind: 'edit', announcement })}
          onView={setViewing}
        />
      </Card>
      {editing && list.data && (
        <AnnouncementEditor
          key={editing.kind === 'edit' ? editing.announcement.id : 'new'}
          announcement={editing.kind === 'edit' ? editing.announcement : null}
          canWriteSchoolWide={list.data.canWriteSchoolWide}
          colleges={list.data.colleges}
          onClose={() => setEditing(null)}
        />
      )}
      <AnnouncementModal announcement={viewing} onClose={() => setViewing(null)} />
    </Flex>
  );
}
