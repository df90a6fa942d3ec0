import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyRegistration } from '../../../shared/api/exams.js';
import { ComingSoonButton } from '../../ui/ComingSoonButton.js';
import { formatTimeRange } from '../../ui/format.js';
import { StatusTag } from '../../ui/StatusTag.js';
import { AttendanceTag } from './ticket/AttendanceTag.js';
import { TicketModal } from './ticket/TicketModal.js';

interface MyExamsTableProps {
  items: MyRegistration[];
  isLoading: boolean;
}

/** 我的考场: date, session name, status, attendance and the candidate's actions. */
export function MyExamsTable({ items, isLoading }: MyExamsTableProps) {
  const { t } = useTranslation();
  const [ticketId, setTicketId] = useState<string | null>(null);
  return (
    <>
      <Table<MyRegistration>
        rowKey="registrationId"
        loading={isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('candidate.noExams') }}
        columns={[
          {
            key: 'date',
            title: t('candidate.date'),
            render: (_value, row) => formatTimeRange(row.startsAt, row.endsAt),
          },
          {
            key: 'name',
            title: t('candidate.sessionName'),
            render: (_value, row) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{row.sessionName}</Typography.Text>
                <Typography.Text type="secondary">{row.examName}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'status',
            title: t('candidate.status'),
            render: (_value, row) => <StatusTag status={row.status} />,
          },
          {
            key: 'attendance',
            title: t('candidateTicket.fields.attendance'),
            render: (_value, row) => <AttendanceTag attendance={row.attendance} />,
          },
          {
            key: 'actions',
            title: t('candidate.actions'),
            render: (_value, row) => (
              <Space>
                <Button onClick={() => setTicketId(row.registrationId)}>
                  {t('candidateTicket.open')}
                </Button>
                <ComingSoonButton label={t('candidate.faceCheck')} reason={t('app.comingSoon')} />
                <ComingSoonButton
                  label={t('candidate.enterWaitingRoom')}
                  reason={t('app.comingSoon')}
                />
              </Space>
            ),
          },
        ]}
      />
      {ticketId ? (
        <TicketModal registrationId={ticketId} onClose={() => setTicketId(null)} />
      ) : null}
    </>
  );
}
