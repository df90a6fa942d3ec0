import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionRosterEntry } from '../../../../shared/api/roster.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { AttendanceTag } from '../../candidate/ticket/AttendanceTag.js';
import { IdentityStatusTag } from '../../../ui/IdentityStatusTag.js';
import { RosterPhotoButton } from './RosterPhotoButton.js';
import { useSessionRoster } from './useRoster.js';

/** One session's candidates with their attendance, identity check and confirmation. */
export function SessionRosterTable({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const roster = useSessionRoster(sessionId);
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search.trim().toLowerCase());
  const items = roster.data?.items;
  const shown = useMemo(
    () =>
      (items ?? []).filter(
        (entry) =>
          needle === '' ||
          entry.candidateName.toLowerCase().includes(needle) ||
          entry.admissionNumber.toLowerCase().includes(needle),
      ),
    [items, needle],
  );

  if (roster.isError && !roster.data) {
    return <LoadError error={roster.error} onRetry={() => void roster.refetch()} />;
  }

  const columns: TableColumnsType<SessionRosterEntry> = [
    { title: t('adminRoster.admissionNumber'), dataIndex: 'admissionNumber' },
    { title: t('adminRoster.name'), dataIndex: 'candidateName' },
    {
      title: t('adminRoster.idNumber'),
      key: 'idNumber',
      render: (_v, entry) => entry.maskedIdNumber ?? '—',
    },
    { title: t('adminRoster.phone'), key: 'phone', render: (_v, entry) => entry.phone ?? '—' },
    {
      title: t('adminRoster.college'),
      key: 'college',
      render: (_v, entry) => entry.collegeName ?? '—',
    },
    {
      title: t('adminRoster.photo'),
      key: 'photo',
      render: (_v, entry) => (
        <Flex gap={8} align="center" wrap={false}>
          {entry.hasPhoto ? (
            t('adminRoster.hasPhoto')
          ) : (
            <Typography.Text type="secondary">{t('adminRoster.noPhoto')}</Typography.Text>
          )}
          <RosterPhotoButton entry={entry} />
        </Flex>
      ),
    },
    {
      title: t('adminRoster.attendance'),
      key: 'attendance',
      render: (_v, entry) => <AttendanceTag attendance={entry.attendance} />,
    },
    {
      title: t('adminRoster.identity'),
      key: 'identity',
      render: (_v, entry) => <IdentityStatusTag status={entry.identityStatus} />,
    },
    {
      title: time.withZone(t('adminRoster.confirmation')),
      key: 'confirmation',
      render: (_v, entry) =>
        entry.identityConfirmedAt ? (
          time.dateTime(entry.identityConfirmedAt, { withZone: false })
        ) : (
          <Typography.Text type="secondary">{t('adminRoster.notConfirmed')}</Typography.Text>
        ),
    },
    { title: t('adminRoster.mockEntries'), dataIndex: 'mockEntryCount', align: 'right' },
  ];

  const counts = roster.data?.counts;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text role="status">
          {counts ? t('adminRoster.counts', counts) : '\u00a0'}
        </Typography.Text>
        <Input
          type="search"
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          aria-label={t('adminRoster.search')}
          placeholder={t('adminRoster.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ maxWidth: 280 }}
        />
      </Flex>
      <Table<SessionRosterEntry>
        rowKey="registrationId"
        columns={columns}
        dataSource={shown}
        loading={roster.isPending}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          hideOnSinglePage: true,
          showTotal: (total) => t('adminRoster.pageTotal', { total }),
        }}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: needle === '' ? t('adminRoster.noCandidates') : t('adminRoster.noMatches'),
        }}
      />
    </Flex>
  );
}
