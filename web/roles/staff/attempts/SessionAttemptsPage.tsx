import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AttemptProgress } from '../../../../shared/api/attempt-progress.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useSessionUser } from '../../../auth/useSessionUser.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { LoadError } from '../../../ui/LoadError.js';
import { PageHeading } from '../../../ui/PageHeading.js';
import { SimpleTable, type SimpleColumn } from '../../../ui/SimpleTable.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { checkInBackPath } from '../check-in/paths.js';
import { SignalSummary, TimelineLink } from '../timeline/SignalSummary.js';
import { ExtraTimeButton } from './ExtraTimeButton.js';
import { ForceSubmitButton } from './ForceSubmitButton.js';
import { SendWarningButton } from './SendWarningButton.js';
import { ConnectionTag, OutageList } from './OutageCell.js';
import { timeLeftOf, useSessionAttempts } from './useSessionAttempts.js';

const REFRESH_MS = 10_000;
const STATE_COLORS = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'success',
  marked: 'success',
} as const;

/**
 * `/proctor|examiner|admin/sessions/:sessionId/attempts`: a written session's attempts, live: who
 * started, how many questions each answered, the time left on the server's clock, who submitted
 * and how; admins add time to one candidate here, and proctors and admins 发送提醒 and
 * 强制交卷.
 */
export function SessionAttemptsPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const describe = useErrorMessage();
  const user = useSessionUser();
  const { sessionId = '' } = useParams();
  const { attempts, listKey, serverNow } = useSessionAttempts(sessionId, REFRESH_MS);
  const data = attempts.data;
  const isAdmin = user.role === 'school_admin' || user.role === 'college_admin';
  const canForceSubmit = data?.canForceSubmit ?? false;
  const title = t('staffAttempts.title');
  useDocumentTitle(title);
  const items = data?.items ?? [];
  // The timeline is for whoever may act on the attempt: the session's proctors, the exam's admins.
  const canSeeTimeline = isAdmin || canForceSubmit;
  const sessionBase = `/${isAdmin ? 'admin' : 'proctor'}/sessions/${sessionId}`;
  const basePath = `${sessionBase}/attempts`;

  const timeLeft = (row: AttemptProgress) => {
    const remaining = timeLeftOf(row, serverNow);
    if (!remaining) return '—';
    const left = remaining.seconds > 0 ? remaining.text : t('staffAttempts.timeUp');
    const extra =
      row.extraMinutes > 0 ? t('staffAttempts.extra', { minutes: row.extraMinutes }) : '';
    const given =
      row.compensationMinutes > 0
        ? t('staffAttempts.compensated', { minutes: row.compensationMinutes })
        : '';
    return `${left}${extra}${given}`;
  };
  const columns: SimpleColumn<AttemptProgress>[] = [
    {
      key: 'number',
      title: t('staffAttempts.admissionNumber'),
      render: (_v, row) => row.admissionNumber,
    },
    { key: 'name', title: t('staffAttempts.candidate'), render: (_v, row) => row.candidateName },
    {
      key: 'state',
      title: t('staffAttempts.state'),
      render: (_v, row) => (
        <Tag color={STATE_COLORS[row.state]}>{t(`staffAttempts.states.${row.state}`)}</Tag>
      ),
    },
    {
      key: 'answered',
      title: t('staffAttempts.answered'),
      render: (_v, row) =>
        row.state === 'not_started'
          ? '—'
          : t('staffAttempts.answeredOf', {
              answered: row.answeredCount,
              total: row.questionCount,
            }),
    },
    { key: 'left', title: t('staffAttempts.timeLeft'), render: (_v, row) => timeLeft(row) },
    {
      key: 'connection',
      title: t('staffAttempts.connection'),
      render: (_v, row) => <ConnectionTag row={row} />,
    },
    {
      key: 'outages',
      title: t('staffAttempts.outages'),
      render: (_v, row) => <OutageList row={row} />,
    },
    {
      key: 'screen',
      title: t('staffAttempts.screen'),
      render: (_v, row) =>
        row.screenShared === null ? (
          '—'
        ) : (
          <Tag color={row.screenShared ? 'success' : 'error'}>
            {t(row.screenShared ? 'staffAttempts.screenShared' : 'staffAttempts.screenNotShared')}
          </Tag>
        ),
    },
    {
      key: 'hidden',
      title: t('staffAttempts.pageHidden'),
      render: (_v, row) =>
        row.state === 'not_started'
          ? '—'
          : t('staffAttempts.pageHiddenCount', { count: row.pageHiddenCount }),
    },
    {
      key: 'signals',
      title: t('staffTimeline.signals'),
      render: (_v, row) => <SignalSummary row={row} />,
    },
    {
      key: 'warnings',
      title: t('staffAttempts.warnings'),
      render: (_v, row) =>
        row.state === 'not_started'
          ? '—'
          : t('staffAttempts.warningsCount', {
              sent: row.warningsSent,
              unconfirmed: row.warningsUnconfirmed,
            }),
    },
    {
      key: 'submitted',
      title: t('staffAttempts.submittedAt'),
      render: (_v, row) =>
        row.submittedAt
          ? `${time.dateTime(row.submittedAt)} ${row.submitReason ? t(`staffAttempts.reasons.${row.submitReason}`) : ''}`
          : '—',
    },
    ...(canSeeTimeline
      ? [
          {
            key: 'timeline',
            title: t('staffTimeline.title'),
            render: (_v: undefined, row: AttemptProgress) => (
              <TimelineLink row={row} basePath={basePath} />
            ),
          },
        ]
      : []),
    ...(isAdmin || canForceSubmit
      ? [
          {
            key: 'actions',
            title: t('staffAttempts.actions'),
            render: (_v: undefined, row: AttemptProgress) =>
              row.state === 'in_progress' ? (
                <Flex gap={8} wrap>
                  {isAdmin ? <ExtraTimeButton row={row} listKey={listKey} /> : null}
                  {canForceSubmit ? <SendWarningButton row={row} listKey={listKey} /> : null}
                  {canForceSubmit ? <ForceSubmitButton row={row} listKey={listKey} /> : null}
                </Flex>
              ) : null,
          },
        ]
      : []),
  ];

  const page = (
    <Flex vertical gap={16}>
      <PageHeading
        back={{ to: checkInBackPath(user.role), label: t('staffCheckIn.back') }}
        title={title}
      />
      {canSeeTimeline ? (
        <Link to={`${sessionBase}/console`}>{t('staffConsole.openLink')}</Link>
      ) : null}
      {attempts.isError && !data ? (
        <LoadError error={attempts.error} onRetry={() => void attempts.refetch()} />
      ) : (
        <Card>
          <Flex vertical gap={12}>
            <div aria-live="polite">
              {attempts.isError && data ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('staffAttempts.refreshFailed', { message: describe(attempts.error) })}
                />
              ) : null}
            </div>
            {data ? (
              <Flex justify="space-between" wrap gap={8}>
                <Typography.Text>
                  {t('staffAttempts.summary', {
                    total: items.length,
                    inProgress: items.filter((row) => row.state === 'in_progress').length,
                    submitted: items.filter(
                      (row) => row.state === 'submitted' || row.state === 'marked',
                    ).length,
                    notStarted: items.filter((row) => row.state === 'not_started').length,
                  })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('staffAttempts.autoRefresh', { time: time.dateTime(data.serverTime) })}
                </Typography.Text>
              </Flex>
            ) : null}
            <section aria-label={t('staffAttempts.tableLabel')}>
              <SimpleTable
                columns={columns}
                dataSource={items}
                rowKey="registrationId"
                loading={attempts.isPending}
                locale={{ emptyText: t('staffAttempts.noCandidates') }}
              />
            </section>
          </Flex>
        </Card>
      )}
    </Flex>
  );
  // Admin pages sit inside the admin console's shell already; staff pages bring their own.
  return isAdmin ? page : <RoleShell>{page}</RoleShell>;
}
