import { Alert, App, Button, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityCheck } from '../../../../shared/api/info-confirmation.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { LoadError } from '../../../ui/LoadError.js';
import { IdentityReportModal } from './IdentityReportModal.js';
import { useConfirmIdentity, useIdentity } from './useIdentity.js';

/** 信息确认 on the 准考证: the roster data with 确认信息 and 信息有误 (docs/journeys.md J3). */
export function IdentityCheckSection({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const identity = useIdentity(registrationId);
  const headingId = `identity-check-${registrationId}`;
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={3} id={headingId} style={{ fontSize: 16 }}>
        {t('candidateIdentity.check.heading')}
      </Typography.Title>
      {identity.isError && !identity.data ? (
        <LoadError error={identity.error} onRetry={() => void identity.refetch()} />
      ) : identity.data ? (
        <IdentityCheckBody identity={identity.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </section>
  );
}

function IdentityCheckBody({ identity }: { identity: IdentityCheck }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const confirm = useConfirmIdentity(identity.registrationId);
  const [isReporting, setIsReporting] = useState(false);
  const report = identity.latestReport;
  const openReport = report?.state === 'open' ? report : null;
  const canReport = identity.status !== 'ended';
  const none = t('candidateTicket.none');

  const handleConfirm = () => {
    confirm.mutate(undefined, {
      onSuccess: () => void message.success(t('candidateIdentity.check.confirmedMessage')),
      onError: (error) => void message.error(errorMessage(error)),
    });
  };

  return (
    <Flex vertical gap={12}>
      {identity.identityConfirmedAt ? null : (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('candidateIdentity.check.intro')}
        </Typography.Paragraph>
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'name',
            label: t('candidateTicket.fields.candidateName'),
            children: identity.candidateName,
          },
          {
            key: 'id',
            label: t('candidateTicket.fields.idNumber'),
            children: identity.maskedIdNumber ?? none,
          },
          {
            key: 'phone',
            label: t('candidateIdentity.check.phone'),
            children: identity.maskedPhone ?? none,
          },
          {
            key: 'college',
            label: t('candidateTicket.fields.college'),
            children: identity.collegeName ?? none,
          },
          { key: 'exam', label: t('candidateTicket.fields.exam'), children: identity.examName },
          {
            key: 'session',
            label: t('candidateTicket.fields.session'),
            children: identity.sessionName,
          },
          {
            key: 'admission',
            label: t('candidateTicket.fields.admissionNumber'),
            children: identity.admissionNumber,
          },
          {
            key: 'photo',
            label: t('candidateIdentity.check.photo'),
            children: identity.hasPhoto
              ? t('candidateIdentity.check.hasPhoto')
              : t('candidateIdentity.check.noPhoto'),
          },
        ]}
      />
      {openReport ? (
        <Alert
          type="warning"
          showIcon
          title={t('candidateIdentity.check.reportOpen', { message: openReport.message })}
        />
      ) : report?.state === 'resolved' ? (
        <Alert
          type="success"
          showIcon
          title={t('candidateIdentity.check.reportResolved', { note: report.resolutionNote ?? '' })}
        />
      ) : null}
      {canReport ? null : (
        <Alert type="info" showIcon title={t('candidateIdentity.check.reportClosed')} />
      )}
      <Flex gap={8} wrap align="center">
        {identity.identityConfirmedAt ? (
          <Tag color="green">
            {t('candidateIdentity.check.confirmedAt', {
              time: time.dateTime(identity.identityConfirmedAt),
            })}
          </Tag>
        ) : (
          <Button type="primary" onClick={handleConfirm} loading={confirm.isPending}>
            {t('candidateIdentity.check.confirm')}
          </Button>
        )}
        {canReport ? (
          <Button onClick={() => setIsReporting(true)}>
            {openReport
              ? t('candidateIdentity.check.editReport')
              : t('candidateIdentity.check.wrong')}
          </Button>
        ) : null}
      </Flex>
      {isReporting ? (
        <IdentityReportModal
          registrationId={identity.registrationId}
          initialMessage={openReport?.message ?? ''}
          onClose={() => setIsReporting(false)}
          onSent={() => {
            setIsReporting(false);
            void message.success(t('candidateIdentity.check.reportSent'));
          }}
        />
      ) : null}
    </Flex>
  );
}
