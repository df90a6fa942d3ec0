import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueueEntry, TicketState } from '../../../../shared/api/interviews.js';
import { formatScore } from '../check-in/checkInFormat.js';
import { DeviceSummary } from '../check-in/DeviceSummary.js';
import { PhoneConnectionBadge } from '../check-in/PhoneConnectionBadge.js';
import { StepStateTag } from '../check-in/StepStateTag.js';
import type { ReadinessChoice } from './ReadinessModal.js';
import { OnlineBadge } from '../queue/OnlineBadge.js';
import { ReadinessTag } from './ReadinessTag.js';

const STATE_COLORS: Record<TicketState, string> = {
  waiting: 'processing',
  called: 'purple',
  invited: 'gold',
  in_room: 'success',
  done: 'default',
};

export function TicketStateTag({ entry }: { entry: QueueEntry }) {
  const { t } = useTranslation();
  const { state, calledByName } = entry.ticket;
  return (
    <Tag color={STATE_COLORS[state]} data-testid="ticket-state">
      {t(`staffWaitingRoom.ticketState.${state}`)}
      {state === 'called' && calledByName
        ? t('staffWaitingRoom.calledBy', { name: calledByName })
        : null}
    </Tag>
  );
}

interface QueueTableProps {
  items: QueueEntry[];
  /** Registrations whose candidate PC is online now. */
  online: ReadonlySet<string>;
  isLoading: boolean;
  /** Why 呼叫 is not possible for this candidate now, or null when it is. */
  callBlockedBy: (entry: QueueEntry) => string | null;
  isCalling: boolean;
  onCall: (entry: QueueEntry) => void;
  /** Whether the readiness of a candidate out of the call may be changed (called before). */
  canMark: (entry: QueueEntry) => boolean;
  onMark: (entry: QueueEntry, choice: ReadinessChoice) => void;
  onOpen: (registrationId: string) => void;
}

/** The queue in the server's order, each candidate with the ticket and the check-in results. */
export function QueueTable({
  items,
  online,
  isLoading,
  callBlockedBy,
  isCalling,
  onCall,
  canMark,
  onMark,
  onOpen,
}: QueueTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<QueueEntry> = [
    {
      key: 'position',
      title: t('staffWaitingRoom.position'),
      render: (_value, _entry, index) => index + 1,
    },
    {
      key: 'candidate',
      title: t('staffWaitingRoom.candidate'),
      render: (_value, entry) => (
        <Flex vertical gap={2}>
          {entry.candidateName}
          <OnlineBadge isOnline={online.has(entry.ticket.registrationId)} />
        </Flex>
      ),
    },
    {
      key: 'admission',
      title: t('staffWaitingRoom.admissionNumber'),
      render: (_value, entry) => entry.admissionNumber,
    },
    {
      key: 'state',
      title: t('staffWaitingRoom.state'),
      render: (_value, entry) => <TicketStateTag entry={entry} />,
    },
    {
      key: 'readiness',
      title: t('staffWaitingRoom.readinessColumn'),
      render: (_value, entry) => <ReadinessTag ticket={entry.ticket} />,
    },
    {
      key: 'face',
      title: t('staffWaitingRoom.faceColumn'),
      render: (_value, entry) => {
        const { face } = entry.checkIn.steps;
        return (
          <Flex vertical gap={2}>
            <StepStateTag step="face" state={face.state} />
            {face.lastVerdict !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('staffCheckIn.faceScore')} {formatScore(face.score)}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'device',
      title: t('staffWaitingRoom.deviceColumn'),
      render: (_value, entry) => <DeviceSummary report={entry.checkIn.steps.device.report} />,
    },
    {
      key: 'phone',
      title: t('staffWaitingRoom.phoneColumn'),
      render: (_value, entry) => (
        <PhoneConnectionBadge
          connection={entry.checkIn.steps.phone.connection}
          lastSeenAt={entry.checkIn.steps.phone.lastSeenAt}
        />
      ),
    },
    {
      key: 'actions',
      title: t('staffWaitingRoom.actions'),
      fixed: 'end',
      render: (_value, entry) => {
        const blockedBy = callBlockedBy(entry);
        const reasonId = `call-blocked-${entry.ticket.registrationId}`;
        return (
          <Flex vertical gap={4} align="flex-start">
            <Flex gap={8}>
              <Button
                type="primary"
                size="small"
                disabled={blockedBy !== null || isCalling}
                aria-label={t('staffWaitingRoom.callOf', { name: entry.candidateName })}
                aria-describedby={blockedBy ? reasonId : undefined}
                onClick={() => onCall(entry)}
              >
                {t('staffWaitingRoom.call')}
              </Button>
              <Button
                size="small"
                aria-label={t('staffWaitingRoom.detailsOf', { name: entry.candidateName })}
                onClick={() => onOpen(entry.ticket.registrationId)}
              >
                {t('staffWaitingRoom.details')}
              </Button>
            </Flex>
            {canMark(entry) && (
              <Flex gap={8}>
                <Button
                  size="small"
                  aria-label={t('staffWaitingRoom.markReadyOf', { name: entry.candidateName })}
                  onClick={() => onMark(entry, 'ready')}
                >
                  {t('staffWaitingRoom.markReady')}
                </Button>
                <Button
                  size="small"
                  danger
                  aria-label={t('staffWaitingRoom.markNotReadyOf', { name: entry.candidateName })}
                  onClick={() => onMark(entry, 'not_ready')}
                >
                  {t('staffWaitingRoom.markNotReady')}
                </Button>
              </Flex>
            )}
            {blockedBy && (
              <Typography.Text id={reasonId} type="secondary" style={{ fontSize: 12 }}>
                {blockedBy}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <Table<QueueEntry>
      rowKey={(entry) => entry.ticket.registrationId}
      aria-label={t('staffWaitingRoom.tableLabel')}
      loading={isLoading}
      dataSource={items}
      columns={columns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('staffWaitingRoom.noCandidates') }}
    />
  );
}
