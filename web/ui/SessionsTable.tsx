import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { MyAssignment } from '../../shared/api/exams.js';
import { useTimeFormat } from './useTimeFormat.js';
import { StatusTag } from './StatusTag.js';

/** The fields every session row has, whoever looks at it (staff assignment or admin overview). */
type SessionRow = Pick<
  MyAssignment,
  | 'sessionId'
  | 'sessionName'
  | 'examName'
  | 'examKind'
  | 'startsAt'
  | 'endsAt'
  | 'status'
  | 'candidateCount'
>;

interface SessionsTableProps<Row extends SessionRow> {
  items: Row[];
  isLoading: boolean;
  emptyText: string;
  /** Extra columns placed before the status (e.g. a staff member's duty). */
  extraColumns?: ColumnsType<Row>;
  /** The links of a row (考生检测, 评分 …), as the caller's role allows. */
  renderActions?: (row: Row) => ReactNode;
}

/** Sessions for staff and admins: date, exam, session, kind, status, candidate count. */
export function SessionsTable<Row extends SessionRow>(props: SessionsTableProps<Row>) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const columns: ColumnsType<Row> = [
    {
      key: 'date',
      title: time.withZone(t('staff.date')),
      render: (_value, row) => time.timeRange(row.startsAt, row.endsAt, { withZone: false }),
    },
    { key: 'exam', title: t('staff.examName'), render: (_value, row) => row.examName },
    { key: 'session', title: t('staff.sessionName'), render: (_value, row) => row.sessionName },
    { key: 'kind', title: t('staff.kind'), render: (_value, row) => t(`examKind.${row.examKind}`) },
    ...(props.extraColumns ?? []),
    {
      key: 'status',
      title: t('staff.status'),
      render: (_value, row) => <StatusTag status={row.status} />,
    },
    {
      key: 'candidates',
      title: t('staff.candidates'),
      align: 'right',
      render: (_value, row) => row.candidateCount,
    },
    ...(props.renderActions
      ? [
          {
            key: 'actions',
            title: t('staff.actions'),
            render: (_value: unknown, row: Row) => props.renderActions?.(row),
          },
        ]
      : []),
  ];
  return (
    <Table<Row>
      rowKey={(row) => row.sessionId}
      loading={props.isLoading}
      dataSource={props.items}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: props.emptyText }}
    />
  );
}
