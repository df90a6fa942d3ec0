import { Alert, Button, Flex, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterReportView } from '../../../../shared/api/info-confirmation.js';
import type { RosterReportState } from '../../../../shared/enums.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { ResolveReportModal } from './ResolveReportModal.js';
import { useRosterReports } from './useRosterReports.js';

const PAGE_SIZE = 20;

/** `/admin/reports`: 信息纠错, candidates' reports of wrong roster data (docs/journeys.md J3). */
export function RosterReportsPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  useDocumentTitle(t('adminReports.title'));
  const [state, setState] = useState<RosterReportState>('open');
  const [page, setPage] = useState(1);
  const [resolving, setResolving] = useState<RosterReportView | null>(null);
  const reports = useRosterReports(state, page, PAGE_SIZE);

  const columns: TableColumnsType<RosterReportView> = [
    { key: 'candidate', title: t('adminReports.columns.candidate'), dataIndex: 'candidateName' },
    {
      key: 'idNumber',
      title: t('adminReports.columns.idNumber'),
      render: (_value, row) => row.maskedIdNumber ?? '—',
    },
    {
      key: 'phone',
      title: t('adminReports.columns.phone'),
      render: (_value, row) => row.phone ?? '—',
    },
    {
      key: 'college',
      title: t('adminReports.columns.college'),
      render: (_value, row) => row.collegeName ?? '—',
    },
    {
      key: 'examSession',
      title: t('adminReports.columns.examSession'),
      render: (_value, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{row.examName ?? '—'}</Typography.Text>
          {row.sessionName ? (
            <Typography.Text type="secondary">{row.sessionName}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'admissionNumber',
      title: t('adminReports.columns.admissionNumber'),
      render: (_value, row) => row.admissionNumber ?? '—',
    },
    {
      key: 'message',
      title: t('adminReports.columns.message'),
      render: (_value, row) => (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, maxWidth: 320 }}>
          {row.message}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'createdAt',
      title: time.withZone(t('adminReports.columns.createdAt')),
      render: (_value, row) => time.dateTime(row.createdAt, { withZone: false }),
    },
    state === 'open'
      ? {
          key: 'actions',
          title: t('adminReports.columns.actions'),
          fixed: 'right',
          render: (_value, row) => (
            <Button
              size="small"
              type="link"
              aria-label={t('adminReports.resolveFor', { name: row.candidateName })}
              onClick={() => setResolving(row)}
            >
              {t('adminReports.resolve')}
            </Button>
          ),
        }
      : {
          key: 'resolution',
          title: t('adminReports.columns.resolution'),
          fixed: 'right',
          width: 240,
          render: (_value, row) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                {row.resolutionNote ?? ''}
              </Typography.Text>
              {row.resolvedAt ? (
                <Typography.Text type="secondary">
                  {t('adminReports.resolvedBy', {
                    name: row.resolverName ?? '—',
                    time: time.dateTime(row.resolvedAt),
                  })}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('adminReports.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('adminReports.hint')} />
      <Tabs
        activeKey={state}
        aria-label={t('adminReports.tabs.label')}
        onChange={(key) => {
          setState(key === 'resolved' ? 'resolved' : 'open');
          setPage(1);
        }}
        items={[
          { key: 'open', label: t('adminReports.tabs.open') },
          { key: 'resolved', label: t('adminReports.tabs.resolved') },
        ]}
      />
      {reports.isError && !reports.data ? (
        <LoadError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <Table<RosterReportView>
          rowKey="id"
          columns={columns}
          dataSource={reports.data?.items ?? []}
          loading={reports.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('adminReports.noReports') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: reports.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('adminReports.total', { total }),
            onChange: setPage,
          }}
        />
      )}
      {resolving ? (
        <ResolveReportModal report={resolving} onClose={() => setResolving(null)} />
      ) : null}
    </Flex>
  );
}
