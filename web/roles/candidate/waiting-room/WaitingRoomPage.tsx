import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Modal, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  acceptInvitation,
  enterWaitingRoom,
  type CandidateTicket,
} from '../../../../shared/api/interviews.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { usePageMediaSession } from '../../../call/usePageMediaSession.js';
import { dutyWords, nameWithRole } from '../../../i18n/roleWords.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { LoadError } from '../../../ui/LoadError.js';
import { PageSpinner } from '../../../ui/PageSpinner.js';
import { ReconnectingBanner } from '../../../ui/ReconnectingBanner.js';
import { ElapsedTimer } from '../../../ui/ElapsedTimer.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { PhoneMonitorPanel } from '../check-in/phone/PhoneMonitorPanel.js';
import { useCheckIn, useStoreCheckInState } from '../check-in/useCheckIn.js';
import { CandidateCallStage } from './CandidateCallStage.js';
import { ticketKey, ticketSnapshot, useMyTicket } from './useMyTicket.js';

/**
 * `/candidate/registrations/:registrationId/waiting-room`: 候考区 (docs/journeys.md J1/J2). The server owns
 * the ticket (waiting → called → invited → in_room → done); this page shows where it stands and
 * follows it live, so a reload returns to the same place.
 */
export function WaitingRoomPage() {
  const { t } = useTranslation();
  const { registrationId = '' } = useParams();
  const ticket = useMyTicket(registrationId);
  const checkIn = useCheckIn(registrationId);
  // The call's session (CandidateCallStage's too): its media breaking shows the banner.
  const media = usePageMediaSession();
  // The tab follows the ticket: 面试中 · <exam> while in the room, not 候考区.
  useDocumentTitle([
    t(`candidateWaitingRoom.pageTitle.${ticket.data?.ticket?.state ?? 'waiting'}`),
    checkIn.data?.state.examName,
  ]);
  const storeCheckIn = useStoreCheckInState(registrationId);
  const checkInPath = `/candidate/registrations/${registrationId}/check-in`;

  return (
    <RoleShell>
      <Flex vertical gap={16} style={{ maxWidth: 1100, marginInline: 'auto' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('candidateWaitingRoom.title')}
        </Typography.Title>
        <ReconnectingBanner media={media} />
        {checkIn.data ? (
          <Typography.Text>
            {checkIn.data.state.examName} · {checkIn.data.state.sessionName}
          </Typography.Text>
        ) : null}
        {ticket.isError && !ticket.data ? (
          <LoadError error={ticket.error} onRetry={() => void ticket.refetch()} />
        ) : !ticket.data ? (
          <PageSpinner />
        ) : ticket.data.ticket ? (
          <>
            <TicketPanel
              ticket={ticket.data.ticket}
              offsetMs={ticket.data.offsetMs}
              registrationId={registrationId}
            />
            {/* The camera opens once, at the exam's quality (a failed check-in read: the default). */}
            {ticket.data.ticket.state !== 'done' && (checkIn.data || checkIn.isError) ? (
              <CandidateCallStage
                ticket={ticket.data.ticket}
                registrationId={registrationId}
                quality={checkIn.data?.state.mediaQuality ?? 'proctoring'}
              />
            ) : null}
          </>
        ) : (
          <NotEntered registrationId={registrationId} />
        )}
        {/* After 面试结束 the phone is told to stop (monitoring:ended): no card that turns red. */}
        {checkIn.data &&
        checkIn.data.state.steps.phone.state !== 'not_required' &&
        ticket.data?.ticket?.state !== 'done' ? (
          <Card
            title={
              <h2 style={{ fontSize: 18, margin: 0 }}>{t('candidateWaitingRoom.phoneCamera')}</h2>
            }
          >
            <PhoneMonitorPanel state={checkIn.data.state} onStateChange={storeCheckIn} />
          </Card>
        ) : null}
        <Link to={checkInPath}>{t('candidateWaitingRoom.deviceCheck')}</Link>
      </Flex>
    </RoleShell>
  );
}

function NotEntered({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const enter = useEnterWaitingRoom(registrationId);
  const describe = useErrorMessage();
  return (
    <Card>
      <Flex vertical gap={12} align="flex-start">
        <Typography.Text>{t('candidateWaitingRoom.notEntered')}</Typography.Text>
        {enter.isError ? (
          <Alert type="error" showIcon role="alert" title={describe(enter.error)} />
        ) : null}
        <Flex gap={8}>
          <Button type="primary" loading={enter.isPending} onClick={() => enter.mutate()}>
            {t('candidateWaitingRoom.enter')}
          </Button>
          <Link to={`/candidate/registrations/${registrationId}/check-in`}>
            {t('candidateWaitingRoom.backToCheckIn')}
          </Link>
        </Flex>
      </Flex>
    </Card>
  );
}

/** 进入考试: enters the waiting room (again: the same ticket) and stores the answer. */
export function useEnterWaitingRoom(registrationId: string, onEntered?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(enterWaitingRoom, { params: { registrationId } }),
    onSuccess: (ticket) => {
      queryClient.setQueryData(
        ticketKey(registrationId),
        ticketSnapshot(ticket, ticket.serverTime),
      );
      onEntered?.();
    },
  });
}

interface TicketPanelProps {
  ticket: CandidateTicket;
  offsetMs: number;
  registrationId: string;
}

function TicketPanel({ ticket, offsetMs, registrationId }: TicketPanelProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const accept = useMutation({
    mutationFn: () => callApi(acceptInvitation, { params: { registrationId } }),
    onSuccess: (next) => {
      queryClient.setQueryData(ticketKey(registrationId), ticketSnapshot(next, next.serverTime));
    },
  });

  switch (ticket.state) {
    case 'waiting':
      return (
        <Card>
          <Flex vertical gap={12} aria-live="polite">
            <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
              {t('candidateWaitingRoom.waiting')}
            </Typography.Title>
            {ticket.returnReason ? (
              <Alert
                type="info"
                showIcon
                title={t(`candidateWaitingRoom.returned.${ticket.returnReason}`)}
              />
            ) : null}
            <Typography.Text data-testid="waiting-examiner" data-state={ticket.waitingExaminer}>
              {t(`candidateWaitingRoom.examiner.${ticket.waitingExaminer}`)}
            </Typography.Text>
          </Flex>
        </Card>
      );
    case 'called':
      return (
        <Card>
          <Flex vertical gap={8} aria-live="assertive">
            <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
              {t('candidateWaitingRoom.called', {
                examiner: nameWithRole(
                  t('duty.waiting_examiner'),
                  ticket.calledByName ?? '',
                  dutyWords('waiting_examiner'),
                ),
              })}
            </Typography.Title>
            <Typography.Text>{t('candidateWaitingRoom.calledDetail')}</Typography.Text>
          </Flex>
        </Card>
      );
    case 'invited':
      return (
        <Modal
          open
          title={t('candidateWaitingRoom.invitation')}
          closable={false}
          mask={{ closable: false }}
          keyboard={false}
          footer={
            <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>
              {t('candidateWaitingRoom.accept')}
            </Button>
          }
        >
          <Typography.Paragraph>{t('candidateWaitingRoom.invitationDetail')}</Typography.Paragraph>
          {accept.isError ? (
            <Alert type="error" showIcon role="alert" title={describe(accept.error)} />
          ) : null}
        </Modal>
      );
    case 'in_room':
      return (
        <Card>
          <Flex vertical gap={8} aria-live="polite">
            <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
              {t('candidateWaitingRoom.inRoom')}
            </Typography.Title>
            <Typography.Text>{t('candidateWaitingRoom.inRoomDetail')}</Typography.Text>
            {ticket.interviewStartedAt ? (
              <ElapsedTimer
                startedAt={ticket.interviewStartedAt}
                offsetMs={offsetMs}
                label={(time) => t('candidateWaitingRoom.elapsed', { time })}
                testId="interview-timer"
              />
            ) : null}
          </Flex>
        </Card>
      );
    case 'done':
      return (
        <Result
          status="success"
          title={<span role="status">{t('candidateWaitingRoom.done')}</span>}
          subTitle={t('candidateWaitingRoom.doneDetail')}
          extra={
            <Button type="primary" onClick={() => void navigate('/candidate')}>
              {t('candidateWaitingRoom.close')}
            </Button>
          }
        />
      );
  }
}
