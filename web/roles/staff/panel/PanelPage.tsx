import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  cancelInvitation,
  endInterview,
  inviteCandidate,
  type QueueEntry,
  type Ticket,
} from '../../../../shared/api/interviews.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { LoadError } from '../../../ui/LoadError.js';
import { ReconnectingBanner } from '../../../ui/ReconnectingBanner.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { CandidateCheckInDrawer } from '../check-in/CandidateCheckInDrawer.js';
import { ExaminerCallStage } from '../call/ExaminerCallStage.js';
import { CurrentCandidateCard } from './CurrentCandidateCard.js';
import { ReadyList } from './ReadyList.js';
import {
  sessionQueueKey,
  storeTicket,
  useOnlineCandidates,
  useSessionQueue,
} from '../queue/useSessionQueue.js';
import { PageHeading } from '../../../ui/PageHeading.js';

type Command = 'invite' | 'cancel' | 'end';
const CONTRACTS = { invite: inviteCandidate, cancel: cancelInvitation, end: endInterview };

/**
 * `/examiner/sessions/:sessionId/panel` (考场, issue 5 §4): the ready candidates still waiting,
 * 邀请 one at a time, then 已邀请 / 面试中 with the timer on the server's clock, 结束面试 and
 * the way to 评分. Live through `queue:changed`. Panel examiners see and hear the candidate in
 * the room (camera, phone, shared screen) and one another.
 */
export function PanelPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { sessionId = '' } = useParams();
  const [openId, setOpenId] = useState<string | null>(null);
  const queue = useSessionQueue(sessionId);
  const online = useOnlineCandidates(sessionId);

  const command = useMutation({
    mutationFn: ({ kind, entry }: { kind: Command; entry: QueueEntry }) =>
      callApi(CONTRACTS[kind], {
        params: { sessionId, registrationId: entry.ticket.registrationId },
      }),
    onSuccess: (ticket: Ticket, { kind, entry }) => {
      storeTicket(queryClient, sessionId, ticket);
      const name = entry.candidateName;
      if (kind === 'invite') void message.success(t('staffPanel.ready.invited', { name }));
      if (kind === 'cancel') void message.info(t('staffPanel.current.cancelled'));
      if (kind === 'end') void message.success(t('staffPanel.current.ended', { name }));
    },
    onError: (error) => {
      void message.error(describe(error));
      void queryClient.invalidateQueries({ queryKey: sessionQueueKey(sessionId) });
    },
  });
  const run = (kind: Command) => (entry: QueueEntry) => {
    command.mutate({ kind, entry });
  };

  const data = queue.data?.queue;
  const title = data
    ? t('staffPanel.titleOf', { session: data.sessionName })
    : t('staffPanel.title');
  const items = data?.items ?? [];
  const inRoom = items.find((entry) => entry.ticket.state === 'in_room');
  useDocumentTitle([
    inRoom ? t('staffPanel.interviewingTitle', { name: inRoom.candidateName }) : null,
    title,
  ]);
  const canAct = Boolean(
    data?.myDuties.some((duty) => duty === 'panel_examiner' || duty === 'panel_chair'),
  );
  const occupant =
    items.find((entry) => entry.ticket.registrationId === data?.panelOccupiedBy) ?? null;
  const ready = items.filter(
    (entry) => entry.ticket.state === 'waiting' && entry.ticket.readiness === 'ready',
  );
  const otherWaiting = items.filter(
    (entry) =>
      (entry.ticket.state === 'waiting' || entry.ticket.state === 'called') &&
      entry.ticket.readiness !== 'ready',
  ).length;
  const done = items.filter((entry) => entry.ticket.state === 'done');
  const lastEnded = done.reduce<QueueEntry | null>(
    (latest, entry) =>
      !latest || (entry.ticket.interviewEndedAt ?? '') > (latest.ticket.interviewEndedAt ?? '')
        ? entry
        : latest,
    null,
  );
  const inviteBlockedReason = !canAct
    ? t('staffPanel.ready.notPanel')
    : data?.panelOccupiedBy
      ? t('staffPanel.ready.occupied')
      : null;
  const pendingId =
    command.isPending && command.variables.kind === 'invite'
      ? command.variables.entry.ticket.registrationId
      : null;
  const openEntry = items.find((entry) => entry.ticket.registrationId === openId) ?? null;

  return (
    <RoleShell>
      <Flex vertical gap={16}>
        <PageHeading
          back={{ to: '/examiner', label: t('staffPanel.backToSessions') }}
          title={title}
          subtitle={data?.examName}
        />
        <ReconnectingBanner />
        {queue.isError && !data ? (
          <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <>
            <div aria-live="polite">
              {queue.isError && data && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('staffPanel.refreshFailed', { message: describe(queue.error) })}
                />
              )}
              {data && !canAct && (
                <Alert type="warning" showIcon title={t('staffPanel.readOnly')} />
              )}
            </div>
            <CurrentCandidateCard
              sessionId={sessionId}
              occupant={occupant}
              lastEnded={lastEnded}
              offsetMs={queue.data?.offsetMs ?? 0}
              canAct={canAct}
              isBusy={command.isPending}
              onCancel={run('cancel')}
              onEnd={run('end')}
              onDetails={(entry) => setOpenId(entry.ticket.registrationId)}
            />
            {canAct && data ? (
              <Card
                title={
                  <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                    {t('staffPanel.media')}
                  </Typography.Title>
                }
              >
                <ExaminerCallStage
                  sessionId={sessionId}
                  candidate={
                    occupant?.ticket.state === 'in_room'
                      ? {
                          registrationId: occupant.ticket.registrationId,
                          name: occupant.candidateName,
                        }
                      : null
                  }
                  sources={['camera', 'phone', 'screen']}
                  colleagues={data.panel}
                />
              </Card>
            ) : null}
            <Card
              title={
                <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                  {t('staffPanel.ready.title', { count: ready.length })}
                </Typography.Title>
              }
            >
              <Flex vertical gap={12}>
                <ReadyList
                  items={ready}
                  online={online}
                  isLoading={queue.isPending}
                  inviteBlockedReason={inviteBlockedReason}
                  invitingId={pendingId}
                  onInvite={run('invite')}
                  onDetails={(entry) => setOpenId(entry.ticket.registrationId)}
                />
                {data && (
                  <Flex justify="space-between" wrap gap={8}>
                    <Typography.Text type="secondary">
                      {t('staffPanel.otherWaiting', { count: otherWaiting })} ·{' '}
                      {t('staffPanel.done', { count: done.length })}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t('staffPanel.live', { time: time.dateTime(data.serverTime) })}
                    </Typography.Text>
                  </Flex>
                )}
              </Flex>
            </Card>
          </>
        )}
      </Flex>
      <CandidateCheckInDrawer
        sessionId={sessionId}
        row={openEntry?.checkIn ?? null}
        onClose={() => setOpenId(null)}
        listKey={sessionQueueKey(sessionId)}
      />
    </RoleShell>
  );
}
