import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { MyRegistration } from '../../../shared/api/exams.js';
import { getMyResults } from '../../../shared/api/scoring.js';
import { callApi } from '../../api/client.js';
import { DisabledActionButton } from '../../ui/DisabledActionButton.js';
import { useTimeFormat } from '../../ui/useTimeFormat.js';
import { StatusTag } from '../../ui/StatusTag.js';
import { checkInBlock, checkInPath } from './identity/checkInBlock.js';
import { AttendanceTag } from './ticket/AttendanceTag.js';
import { TicketModal } from './ticket/TicketModal.js';

interface MyExamsTableProps {
  items: MyRegistration[];
  isLoading: boolean;
}

/** The URL parameter that opens a 准考证 (the public ticket lookup links here with it). */
const TICKET_PARAM = 'ticket';

/** 我的考场: date, session name, status, attendance and the candidate's actions. */
export function MyExamsTable({ items, isLoading }: MyExamsTableProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const [searchParams, setSearchParams] = useSearchParams();
  const ticketId = searchParams.get(TICKET_PARAM);
  // Published results only: the server answers nothing before 公布成绩.
  const results = useQuery({
    queryKey: ['candidate', 'results'],
    queryFn: () => callApi(getMyResults, {}),
  });
  const resultOf = (registrationId: string) =>
    results.data?.items.find((item) => item.registrationId === registrationId);

  const setTicketId = (registrationId: string | null) => {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (registrationId) next.set(TICKET_PARAM, registrationId);
        else next.delete(TICKET_PARAM);
        return next;
      },
      { replace: true },
    );
  };

  const navigate = useNavigate();

  /** Why the check-in cannot be used now, or null when it can. */
  const checkInReason = (row: MyRegistration) => {
    const block = checkInBlock(row);
    if (!block) return null;
    return block.reason === 'notOpen'
      ? t('candidateIdentity.actions.notOpen', { count: block.preEntryMinutes })
      : t(`candidateIdentity.actions.${block.reason}`);
  };

  const reasonIdOf = (row: MyRegistration) => `check-in-blocked-${row.registrationId}`;

  /** A real link (it can open in a new tab) that navigates inside the app on a plain click. */
  const checkInLink = (row: MyRegistration, label: string, isPrimary: boolean) => {
    const path = checkInPath(row.registrationId);
    return (
      <Button
        size="small"
        type={isPrimary ? 'primary' : 'default'}
        href={path}
        onClick={(event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          void navigate(path);
        }}
      >
        {label}
      </Button>
    );
  };

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
            title: time.withZone(t('candidate.date')),
            render: (_value, row) => time.timeRange(row.startsAt, row.endsAt, { withZone: false }),
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
            render: (_value, row) => {
              const result = resultOf(row.registrationId);
              return (
                <Space orientation="vertical" size={0}>
                  <StatusTag status={row.status} />
                  {result ? (
                    <Typography.Text strong>
                      {t('candidate.result', { score: result.aggregate, max: result.maxTotal })}
                    </Typography.Text>
                  ) : null}
                </Space>
              );
            },
          },
          {
            key: 'attendance',
            title: t('candidateTicket.fields.attendance'),
            render: (_value, row) => <AttendanceTag attendance={row.attendance} />,
          },
          {
            key: 'actions',
            title: t('candidate.actions'),
            render: (_value, row) => {
              const reason = checkInReason(row);
              return (
                <Space>
                  <Button size="small" onClick={() => setTicketId(row.registrationId)}>
                    {t('candidateTicket.open')}
                  </Button>
                  {reason === null ? (
                    <>
                      {checkInLink(row, t('candidate.faceCheck'), false)}
                      {checkInLink(row, t('candidate.enterWaitingRoom'), true)}
                    </>
                  ) : (
                    <>
                      <DisabledActionButton
                        size="small"
                        label={t('candidate.faceCheck')}
                        reason={reason}
                        reasonId={reasonIdOf(row)}
                      />
                      <DisabledActionButton
                        size="small"
                        label={t('candidate.enterWaitingRoom')}
                        reason={reason}
                        reasonId={reasonIdOf(row)}
                      />
                      {/* On the page, not only on hover: a touch screen has no hover. */}
                      <Typography.Text type="secondary" id={reasonIdOf(row)}>
                        {reason}
                      </Typography.Text>
                    </>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {ticketId ? (
        <TicketModal registrationId={ticketId} onClose={() => setTicketId(null)} />
      ) : null}
    </>
  );
}
