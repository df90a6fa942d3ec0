import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { MyRegistration } from '../../../shared/api/exams.js';
import { getMyResults } from '../../../shared/api/scoring.js';
import { callApi } from '../../api/client.js';
import { DisabledActionButton } from '../../ui/DisabledActionButton.js';
import { SimpleTable } from '../../ui/SimpleTable.js';
import { useTimeFormat } from '../../ui/useTimeFormat.js';
import { StatusTag } from '../../ui/StatusTag.js';
import {
  checkInBlockMessageKey,
  checkInPath,
  waitingRoomEntryPath,
} from './identity/checkInBlock.js';
import { writtenExamPath } from './check-in/checkInView.js';
import { StandingTag } from './StandingTag.js';
import { AttendanceTag } from './ticket/AttendanceTag.js';
import { WrittenResult } from './WrittenResult.js';

// The 准考证 and its identity forms load when a candidate opens it, not with the home page.
const TicketModal = lazy(async () => ({
  default: (await import('./ticket/TicketModal.js')).TicketModal,
}));

interface MyExamsTableProps {
  items: MyRegistration[];
  isLoading: boolean;
}

/**
 * The widest the 操作 column grows: room for its three buttons on one line; a reason why they are
 * grey wraps below them instead of widening the table past the page.
 */
const ACTIONS_MAX_WIDTH = 300;

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

  /** Why the server says the check-in cannot be used now, or null. */
  const checkInReason = (row: MyRegistration) => {
    const key = checkInBlockMessageKey(row.checkInBlock);
    if (key === null) return null;
    return key === 'notOpen'
      ? t('candidateIdentity.actions.notOpen', { count: row.preEntryMinutes })
      : t(`candidateIdentity.actions.${key}`);
  };

  const reasonIdOf = (row: MyRegistration) => `check-in-blocked-${row.registrationId}`;

  /** A real link (it can open in a new tab) that navigates inside the app on a plain click. */
  const checkInLink = (path: string, label: string, isPrimary: boolean) => {
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
      <SimpleTable<MyRegistration>
        rowKey="registrationId"
        loading={isLoading}
        dataSource={items}
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
                  <StandingTag
                    standing={row.standing}
                    fallback={<StatusTag status={row.status} />}
                  />
                  {result ? (
                    <Typography.Text strong>
                      {t('candidate.result', { score: result.aggregate, max: result.maxTotal })}
                    </Typography.Text>
                  ) : null}
                  {row.examKind === 'written' ? (
                    <WrittenResult registrationId={row.registrationId} />
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
              // The column wraps: the table is as wide as its content (SimpleTable), so an
              // unbounded row of buttons and reason ran past the card's right edge at 1280 px.
              return (
                <Flex wrap gap={8} align="center" style={{ maxWidth: ACTIONS_MAX_WIDTH }}>
                  <Button size="small" onClick={() => setTicketId(row.registrationId)}>
                    {t('candidateTicket.open')}
                  </Button>
                  {row.checkInBlock === 'finished' ? null : reason === null ? (
                    <>
                      {checkInLink(
                        checkInPath(row.registrationId),
                        t('candidate.faceCheck'),
                        false,
                      )}
                      {/* A written exam has no 候考区: its page shows 考生须知 and the paper. */}
                      {row.examKind === 'written'
                        ? checkInLink(
                            writtenExamPath(row.registrationId),
                            t('candidate.enterExam'),
                            true,
                          )
                        : checkInLink(
                            waitingRoomEntryPath(row),
                            t('candidate.enterWaitingRoom'),
                            true,
                          )}
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
                        label={
                          row.examKind === 'written'
                            ? t('candidate.enterExam')
                            : t('candidate.enterWaitingRoom')
                        }
                        reason={reason}
                        reasonId={reasonIdOf(row)}
                      />
                      {/* On the page, not only on hover: a touch screen has no hover. */}
                      <Typography.Text type="secondary" id={reasonIdOf(row)}>
                        {reason}
                      </Typography.Text>
                    </>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      {ticketId ? (
        <Suspense fallback={null}>
          <TicketModal registrationId={ticketId} onClose={() => setTicketId(null)} />
        </Suspense>
      ) : null}
    </>
  );
}
