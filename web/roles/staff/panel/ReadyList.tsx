import { Button, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../../../../shared/api/interviews.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { DisabledActionButton } from '../../../ui/DisabledActionButton.js';
import { StepStateTag } from '../check-in/StepStateTag.js';
import { OnlineBadge } from '../queue/OnlineBadge.js';

interface ReadyListProps {
  items: QueueEntry[];
  /** Registrations whose candidate PC is online now (inviting an offline one is pointless). */
  online: ReadonlySet<string>;
  isLoading: boolean;
  /** Why 邀请 cannot be used now (考场内已有考生, not a panel examiner), or null. */
  inviteBlockedReason: string | null;
  invitingId: string | null;
  onInvite: (entry: QueueEntry) => void;
  onDetails: (entry: QueueEntry) => void;
}

/** The ready candidates still waiting, in the queue's order, with their face check and 邀请. */
export function ReadyList({
  items,
  online,
  isLoading,
  inviteBlockedReason,
  invitingId,
  onInvite,
  onDetails,
}: ReadyListProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <Table<QueueEntry>
      rowKey={(entry) => entry.ticket.registrationId}
      dataSource={items}
      loading={isLoading}
      pagination={false}
      locale={{ emptyText: t('staffPanel.ready.empty') }}
      columns={[
        {
          key: 'admission',
          title: t('staffPanel.ready.admissionNumber'),
          dataIndex: 'admissionNumber',
        },
        {
          key: 'name',
          title: t('staffPanel.ready.name'),
          render: (_value, entry) => (
            <Flex vertical gap={2}>
              {entry.candidateName}
              <OnlineBadge isOnline={online.has(entry.ticket.registrationId)} />
            </Flex>
          ),
        },
        {
          key: 'face',
          title: t('staffPanel.ready.face'),
          render: (_value, entry) => (
            <StepStateTag step="face" state={entry.checkIn.steps.face.state} />
          ),
        },
        {
          key: 'arrived',
          title: time.withZone(t('staffPanel.ready.arrivedAt')),
          render: (_value, entry) => time.dateTime(entry.ticket.arrivedAt, { withZone: false }),
        },
        {
          key: 'note',
          title: t('staffPanel.ready.note'),
          render: (_value, entry) =>
            entry.ticket.readinessNote ? (
              <Typography.Text>{entry.ticket.readinessNote}</Typography.Text>
            ) : null,
        },
        {
          key: 'actions',
          title: t('staffPanel.ready.actions'),
          render: (_value, entry) => (
            <Flex gap={8} wrap>
              {inviteBlockedReason ? (
                <DisabledActionButton
                  label={t('staffPanel.ready.invite')}
                  reason={inviteBlockedReason}
                />
              ) : (
                <Button
                  type="primary"
                  loading={invitingId === entry.ticket.registrationId}
                  disabled={invitingId !== null}
                  aria-label={`${t('staffPanel.ready.invite')} ${entry.candidateName}`}
                  onClick={() => onInvite(entry)}
                >
                  {t('staffPanel.ready.invite')}
                </Button>
              )}
              <Button
                aria-label={`${t('staffPanel.ready.details')} ${entry.candidateName}`}
                onClick={() => onDetails(entry)}
              >
                {t('staffPanel.ready.details')}
              </Button>
            </Flex>
          ),
        },
      ]}
    />
  );
}
