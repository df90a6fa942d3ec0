import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  callCandidate,
  endCall,
  markReadiness,
  type QueueEntry,
  type Ticket,
} from '../../../../shared/api/interviews.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useSocketConnectionState } from '../../../api/socket.js';
import { useSessionUser } from '../../../auth/useSessionUser.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { CandidateCheckInDrawer } from '../check-in/CandidateCheckInDrawer.js';
import { CallPanel } from './CallPanel.js';
import { QueueTable } from './QueueTable.js';
import { ReadinessModal, type ReadinessChoice } from './ReadinessModal.js';
import {
  sessionQueueKey,
  storeTicket,
  useOnlineCandidates,
  useSessionQueue,
} from '../queue/useSessionQueue.js';
import { visuallyHidden } from '../../../ui/visuallyHidden.js';
import { PageHeading } from '../../../ui/PageHeading.js';

type Command =
  { kind: 'call' } | { kind: 'end' } | { kind: 'mark'; readiness: ReadinessChoice; note: string };

/**
 * `/examiner/sessions/:sessionId/waiting-room` (候考官, docs/journeys.md J1/J2): the waiting candidates in
 * the server's order with their check-in results; 呼叫 one into a call, check the documents, mark
 * them ready or not, end the call. Live through `queue:changed`; a reload resumes the call.
 */
export function WaitingRoomQueuePage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const user = useSessionUser();
  const queryClient = useQueryClient();
  const { sessionId = '' } = useParams();
  const queue = useSessionQueue(sessionId);
  const online = useOnlineCandidates(sessionId);
  const connection = useSocketConnectionState();
  const [openId, setOpenId] = useState<string | null>(null);
  const [marking, setMarking] = useState<{ entry: QueueEntry; choice: ReadinessChoice } | null>(
    null,
  );
  const [announcement, setAnnouncement] = useState('');

  const data = queue.data?.queue;
  const items = data?.items ?? [];
  const title = data
    ? t('staffWaitingRoom.titleOf', { session: data.sessionName })
    : t('staffWaitingRoom.title');

  // The call is the ticket this examiner is calling; before any event the server's myCall says so.
  const myCall =
    items.find((entry) => entry.ticket.state === 'called' && entry.ticket.calledBy === user.id) ??
    null;
  useDocumentTitle([
    myCall ? t('staffWaitingRoom.callPanelTitle', { name: myCall.candidateName }) : null,
    title,
  ]);
  const isWaitingExaminer = data?.myDuties.includes('waiting_examiner') ?? false;

  const command = useMutation({
    mutationFn: async ({ entry, action }: { entry: QueueEntry; action: Command }) => {
      const params = { sessionId, registrationId: entry.ticket.registrationId };
      if (action.kind === 'call') return callApi(callCandidate, { params });
      if (action.kind === 'end') return callApi(endCall, { params });
      return callApi(markReadiness, {
        params,
        body: { readiness: action.readiness, ...(action.note ? { note: action.note } : {}) },
      });
    },
    onSuccess: (ticket: Ticket, { entry, action }) => {
      storeTicket(queryClient, sessionId, ticket);
      const name = entry.candidateName;
      const text =
        action.kind === 'call'
          ? t('staffWaitingRoom.called', { name })
          : action.kind === 'end'
            ? t('staffWaitingRoom.callEnded', { name })
            : t('staffWaitingRoom.marked', {
                name,
                readiness: t(`staffWaitingRoom.readiness.${action.readiness}`),
              });
      setAnnouncement(text);
      setMarking(null);
    },
    onError: (error) => {
      void message.error(describe(error));
      void queue.refetch();
    },
  });

  const callBlockedBy = (entry: QueueEntry): string | null => {
    if (!isWaitingExaminer) return t('staffWaitingRoom.callDisabled.notWaitingExaminer');
    if (entry.ticket.state !== 'waiting') return t('staffWaitingRoom.callDisabled.notWaiting');
    if (myCall) return t('staffWaitingRoom.callDisabled.inAnotherCall');
    return null;
  };

  const openEntry = items.find((entry) => entry.ticket.registrationId === openId) ?? null;
  const waitingCount = items.filter((entry) => entry.ticket.state === 'waiting').length;
  const readyCount = items.filter((entry) => entry.ticket.readiness === 'ready').length;

  return (
    <RoleShell>
      <Flex vertical gap={16}>
        <PageHeading
          back={{ to: '/examiner', label: t('staffWaitingRoom.back') }}
          title={title}
          subtitle={data?.examName}
        />
        <div aria-live="polite" style={visuallyHidden} data-testid="waiting-room-announcement">
          {announcement}
        </div>
        {queue.isError && !data ? (
          <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <>
            {myCall && (
              <CallPanel
                sessionId={sessionId}
                entry={myCall}
                isBusy={command.isPending}
                onEnd={() => command.mutate({ entry: myCall, action: { kind: 'end' } })}
                onMark={(choice) => setMarking({ entry: myCall, choice })}
                onOpen={() => setOpenId(myCall.ticket.registrationId)}
              />
            )}
            <Card>
              <Flex vertical gap={12}>
                <div aria-live="polite">
                  {queue.isError && data && (
                    <Alert
                      type="warning"
                      showIcon
                      title={t('staffWaitingRoom.refreshFailed', {
                        message: describe(queue.error),
                      })}
                    />
                  )}
                </div>
                {data && (
                  <Flex justify="space-between" wrap gap={8}>
                    <Flex vertical gap={2}>
                      <Typography.Text strong>
                        {t('staffWaitingRoom.orderRule', {
                          rule: t(`staffWaitingRoom.order.${data.order}`),
                        })}
                      </Typography.Text>
                      <Typography.Text aria-live="polite">
                        {t('staffWaitingRoom.summary', {
                          total: items.length,
                          waiting: waitingCount,
                          ready: readyCount,
                        })}
                      </Typography.Text>
                    </Flex>
                    <Flex vertical gap={2} align="flex-end">
                      <Typography.Text type={connection === 'connected' ? 'success' : 'warning'}>
                        {t(`staffWaitingRoom.connection.${connection}`)}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {t('staffWaitingRoom.autoRefresh', {
                          time: time.dateTime(data.serverTime),
                        })}
                      </Typography.Text>
                    </Flex>
                  </Flex>
                )}
                <QueueTable
                  items={items}
                  online={online}
                  isLoading={queue.isPending}
                  callBlockedBy={callBlockedBy}
                  isCalling={command.isPending}
                  onCall={(entry) => command.mutate({ entry, action: { kind: 'call' } })}
                  canMark={(entry) =>
                    isWaitingExaminer &&
                    entry.ticket.state === 'waiting' &&
                    entry.ticket.hasBeenCalled
                  }
                  onMark={(entry, choice) => setMarking({ entry, choice })}
                  onOpen={setOpenId}
                />
              </Flex>
            </Card>
          </>
        )}
        <ReadinessModal
          choice={marking?.choice ?? null}
          candidateName={marking?.entry.candidateName ?? ''}
          isSaving={command.isPending}
          onCancel={() => setMarking(null)}
          onSave={(note) => {
            if (marking) {
              command.mutate({
                entry: marking.entry,
                action: { kind: 'mark', readiness: marking.choice, note },
              });
            }
          }}
        />
        <CandidateCheckInDrawer
          sessionId={sessionId}
          row={openEntry?.checkIn ?? null}
          onClose={() => setOpenId(null)}
          listKey={sessionQueueKey(sessionId)}
        />
      </Flex>
    </RoleShell>
  );
}
