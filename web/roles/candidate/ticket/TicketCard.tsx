import { Descriptions, Flex, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildPath } from '../../../../shared/api/contract.js';
import { MY_PHOTO_PATH, type AdmissionTicket } from '../../../../shared/api/tickets.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { StatusTag } from '../../../ui/StatusTag.js';
import { AttendanceTag } from './AttendanceTag.js';
import { ruleItems } from './ruleItems.js';
import './ticket.css';

/** The 准考证 laid out like a printed card: photo, identity, session and the rules. */
export function TicketCard({ ticket }: { ticket: AdmissionTicket }) {
  const { t } = useTranslation();
  const time = useTimeFormat();

  const identity: DescriptionsProps['items'] = [
    {
      key: 'name',
      label: t('candidateTicket.fields.candidateName'),
      children: ticket.candidateName,
    },
    {
      key: 'id',
      label: t('candidateTicket.fields.idNumber'),
      children: ticket.maskedIdNumber ?? t('candidateTicket.none'),
    },
    {
      key: 'admission',
      label: t('candidateTicket.fields.admissionNumber'),
      children: <Typography.Text strong>{ticket.admissionNumber}</Typography.Text>,
    },
    { key: 'school', label: t('candidateTicket.fields.school'), children: ticket.schoolName },
    {
      key: 'college',
      label: t('candidateTicket.fields.college'),
      children: ticket.collegeName ?? t('candidateTicket.none'),
    },
    {
      key: 'attendance',
      label: t('candidateTicket.fields.attendance'),
      children: <AttendanceTag attendance={ticket.attendance} />,
    },
  ];

  const session: DescriptionsProps['items'] = [
    { key: 'exam', label: t('candidateTicket.fields.exam'), children: ticket.examName },
    {
      key: 'kind',
      label: t('candidateTicket.fields.kind'),
      children: t(`examKind.${ticket.examKind}`),
    },
    { key: 'session', label: t('candidateTicket.fields.session'), children: ticket.sessionName },
    {
      key: 'time',
      label: t('candidateTicket.fields.time'),
      children: time.timeRange(ticket.startsAt, ticket.endsAt),
    },
    {
      key: 'status',
      label: t('candidateTicket.fields.status'),
      children: <StatusTag status={ticket.status} />,
    },
    ...ruleItems(ticket.rules, t),
  ];

  return (
    <article className="ticket-card" aria-labelledby={`ticket-${ticket.registrationId}`}>
      <Flex vertical gap={16}>
        <Typography.Title
          level={2}
          id={`ticket-${ticket.registrationId}`}
          style={{ fontSize: 20, margin: 0, textAlign: 'center' }}
        >
          {ticket.schoolName} · {t('candidateTicket.heading', { exam: ticket.examName })}
        </Typography.Title>
        <Flex gap={16} wrap align="flex-start">
          {ticket.hasPhoto ? (
            <img
              className="ticket-card__photo"
              src={buildPath(MY_PHOTO_PATH, { registrationId: ticket.registrationId })}
              alt={t('candidateTicket.photoAlt', { name: ticket.candidateName })}
            />
          ) : (
            <div className="ticket-card__no-photo">{t('candidateTicket.noPhoto')}</div>
          )}
          <Descriptions
            style={{ flex: 1, minWidth: 260 }}
            bordered
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={identity}
          />
        </Flex>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }} items={session} />
        {ticket.noticeText ? (
          <section>
            <Typography.Title level={3} style={{ fontSize: 16 }}>
              {t('candidateTicket.fields.notice')}
            </Typography.Title>
            <Typography.Paragraph className="ticket-card__notice">
              {ticket.noticeText}
            </Typography.Paragraph>
          </section>
        ) : null}
      </Flex>
    </article>
  );
}
