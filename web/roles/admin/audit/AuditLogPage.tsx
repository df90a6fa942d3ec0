import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, listAuditLog, type AuditEntryView } from '../../../../shared/api/audit.js';
import { callApi } from '../../../api/client.js';
import { useSessionUser } from '../../../auth/useSessionUser.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { AuditFilters, type AuditFilter } from './AuditFilters.js';

const PAGE_SIZE = 20;

function isKnownAction(action: string): action is (typeof AUDIT_ACTIONS)[number] {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** `/admin/audit`: who did what, newest first, within the admin's scope. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  useDocumentTitle(t('adminAudit.title'));
  const user = useSessionUser();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const entries = useQuery({
    queryKey: ['admin', 'audit-log', filter, page],
    queryFn: () => callApi(listAuditLog, { query: { ...filter, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AuditEntryView> = [
    {
      title: time.withZone(t('adminAudit.time')),
      dataIndex: 'createdAt',
      width: 180,
      render: (value: string) => time.dateTime(value, { withZone: false }),
    },
    ...(user.role === 'platform_admin'
      ? [{ title: t('adminAudit.school'), dataIndex: 'schoolName' }]
      : []),
    {
      title: t('adminAudit.actor'),
      key: 'actor',
      render: (_value, entry) =>
        entry.actorName
          ? `${entry.actorName}${entry.actorUsername ? ` (${entry.actorUsername})` : ''}`
          : t('adminAudit.system'),
    },
    {
      title: t('adminAudit.action'),
      dataIndex: 'action',
      render: (action: string) =>
        isKnownAction(action) ? t(`adminAudit.actions.${action}`) : action,
    },
    {
      title: t('adminAudit.target'),
      key: 'target',
      render: (_value, entry) => entry.targetName ?? entry.targetId ?? '—',
    },
    { title: t('adminAudit.detail'), dataIndex: 'detail' },
    { title: t('adminAudit.ip'), dataIndex: 'ip' },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('adminAudit.title')}
      </Typography.Title>
      <AuditFilters
        onSearch={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      {entries.isError && !entries.data ? (
        <LoadError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <Table<AuditEntryView>
          rowKey="id"
          columns={columns}
          dataSource={entries.data?.items ?? []}
          loading={entries.isFetching}
          scroll={{ x: true }}
          locale={{ emptyText: t('adminAudit.noEntries') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: entries.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('adminAudit.total', { total }),
            onChange: setPage,
          }}
        />
      )}
    </Flex>
  );
}
