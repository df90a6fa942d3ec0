import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AdmissionTicket } from '../../../../shared/api/tickets.js';
import { useSessionUser } from '../../../auth/useSessionUser.js';
import { DisabledActionButton } from '../../../ui/DisabledActionButton.js';

/** Why the mock exam cannot be entered now, or null while it is open (docs/journeys.md J4). */
export function mockClosedReason(
  ticket: Pick<AdmissionTicket, 'attendance' | 'status' | 'examKind'>,
): 'withdrawn' | 'mockStarted' | 'mockEnded' | null {
  if (ticket.attendance === 'withdrawn') return 'withdrawn';
  // A written exam's mock stays open in the session until the candidate's own formal attempt
  // starts (the mock page hears that from the server); the others' closes at the start.
  if (ticket.examKind === 'written') return ticket.status === 'ended' ? 'mockEnded' : null;
  // The server's status: 进行中 and 已结束 both mean the formal exam has started.
  if (ticket.status === 'in_progress' || ticket.status === 'ended') return 'mockStarted';
  return null;
}

/** 模拟考试 and 正式考试网址 on the 准考证. */
export function ExamEntryLinks({ ticket }: { ticket: AdmissionTicket }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSessionUser();
  const closed = mockClosedReason(ticket);
  const headingId = `exam-entry-${ticket.registrationId}`;
  const formalPath = user.schoolSlug ? `/s/${encodeURIComponent(user.schoolSlug)}` : '/candidate';
  const formalUrl = `${window.location.origin}${formalPath}`;

  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={3} id={headingId} style={{ fontSize: 16 }}>
        {t('candidateIdentity.entry.heading')}
      </Typography.Title>
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          {closed ? (
            <DisabledActionButton
              label={t('candidateIdentity.entry.mock')}
              reason={t(`candidateIdentity.entry.${closed}`)}
            />
          ) : (
            <Button
              onClick={() =>
                void navigate(`/candidate/registrations/${ticket.registrationId}/mock`)
              }
            >
              {t('candidateIdentity.entry.mock')}
            </Button>
          )}
          <Typography.Text type="secondary">
            {closed
              ? t(`candidateIdentity.entry.${closed}`)
              : t('candidateIdentity.entry.mockHint')}
          </Typography.Text>
        </Flex>
        <Flex gap={8} align="center" wrap>
          <Button href={formalPath}>{t('candidateIdentity.entry.formalUrl')}</Button>
          <Typography.Text copyable>{formalUrl}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary">
          {t('candidateIdentity.entry.formalUrlHint')}
        </Typography.Text>
      </Flex>
    </section>
  );
}
