import { Alert, App, Button, Flex, Modal, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdmissionTicket } from '../../../../shared/api/tickets.js';
import { useErrorMessage } from '../../../api/errors.js';
import { LoadError } from '../../../ui/LoadError.js';
import { ExamEntryLinks } from '../identity/ExamEntryLinks.js';
import { IdentityCheckSection } from '../identity/IdentityCheckSection.js';
import { TicketCard } from './TicketCard.js';
import { useSetAttendance, useTicket } from './useTicket.js';

interface TicketModalProps {
  registrationId: string;
  onClose: () => void;
}

/** 准考证 of one registration: 信息确认, 模拟考试, 正式考试网址, 我确认参加 / 我确认放弃 and 打印. */
export function TicketModal({ registrationId, onClose }: TicketModalProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const ticket = useTicket(registrationId);
  const setAttendance = useSetAttendance(registrationId);

  const handleConfirm = () => {
    setAttendance.mutate('confirmed', {
      onSuccess: () => void message.success(t('candidateTicket.confirmedMessage')),
      onError: (error) => void message.error(errorMessage(error)),
    });
  };
  const handleWithdraw = () => {
    modal.confirm({
      title: t('candidateTicket.withdrawTitle'),
      content: t('candidateTicket.withdrawContent'),
      okText: t('candidateTicket.withdrawOk'),
      okButtonProps: { danger: true },
      cancelText: t('candidateTicket.cancel'),
      onOk: async () => {
        try {
          await setAttendance.mutateAsync('withdrawn');
          void message.success(t('candidateTicket.withdrawnMessage'));
        } catch (error) {
          void message.error(errorMessage(error));
        }
      },
    });
  };

  const data = ticket.data;
  return (
    <Modal
      open
      title={t('candidateTicket.title')}
      width="100%"
      style={{ maxWidth: 960, top: 24 }}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex className="ticket-no-print" gap={8} justify="flex-end" wrap>
          <Button onClick={onClose}>{t('candidateTicket.close')}</Button>
          <Button onClick={() => window.print()} disabled={!data}>
            {t('candidateTicket.print')}
          </Button>
          {data && canChange(data) ? (
            <>
              <Button danger onClick={handleWithdraw} loading={setAttendance.isPending}>
                {t('candidateTicket.withdraw')}
              </Button>
              {data.attendance === 'pending' ? (
                <Button type="primary" onClick={handleConfirm} loading={setAttendance.isPending}>
                  {t('candidateTicket.confirm')}
                </Button>
              ) : null}
            </>
          ) : null}
        </Flex>
      }
    >
      {ticket.isError && !data ? (
        <LoadError error={ticket.error} onRetry={() => void ticket.refetch()} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <div className="ticket-no-print">
            <TicketNotice ticket={data} />
          </div>
          <TicketCard ticket={data} />
          <div className="ticket-no-print">
            <Flex vertical gap={16}>
              <IdentityCheckSection registrationId={registrationId} />
              <ExamEntryLinks ticket={data} />
            </Flex>
          </div>
        </Flex>
      )}
    </Modal>
  );
}

/** Attendance may change until the session ends, and never after withdrawing. */
function canChange(ticket: AdmissionTicket): boolean {
  return ticket.status !== 'ended' && ticket.attendance !== 'withdrawn';
}

function TicketNotice({ ticket }: { ticket: AdmissionTicket }) {
  const { t } = useTranslation();
  if (ticket.attendance === 'withdrawn')
    return <Alert type="error" showIcon title={t('candidateTicket.withdrawnNotice')} />;
  if (ticket.status === 'ended')
    return <Alert type="info" showIcon title={t('candidateTicket.endedNotice')} />;
  if (ticket.attendance === 'pending')
    return <Alert type="warning" showIcon title={t('candidateTicket.checkInfo')} />;
  return null;
}
