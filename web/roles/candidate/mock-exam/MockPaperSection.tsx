import { Alert, Button, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MockAttemptSummary, MyMockExam } from '../../../../shared/api/mock-attempt.js';
import { useErrorMessage } from '../../../api/errors.js';
import { DisabledActionButton } from '../../../ui/DisabledActionButton.js';
import { LoadError } from '../../../ui/LoadError.js';
import { SimpleTable } from '../../../ui/SimpleTable.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { useMockExam, useStartMock } from './useMockExam.js';

interface MockPaperSectionProps {
  registrationId: string;
  /** Opens one mock attempt: to answer it, or to read its result. */
  onOpen: (attemptId: string) => void;
}

/**
 * The mock paper on 模拟考试: how a mock attempt goes, 开始模拟 (or 继续模拟 for the one in
 * progress, or the reason it is closed) and the past attempts with their scores.
 */
export function MockPaperSection({ registrationId, onOpen }: MockPaperSectionProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const exam = useMockExam(registrationId);
  const start = useStartMock(registrationId);
  const data = exam.data;

  let content;
  if (exam.error) {
    content = <LoadError error={exam.error} onRetry={() => void exam.refetch()} />;
  } else if (!data) {
    content = <Skeleton active />;
  } else if (!data.hasMockPaper) {
    content = (
      <Alert
        type="info"
        showIcon
        title={t('candidateMockExam.noPaper')}
        description={t('candidateIdentity.mock.deviceCheck')}
      />
    );
  } else {
    content = (
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('candidateMockExam.intro', { minutes: data.durationMinutes })}{' '}
          {data.answersShown
            ? t('candidateMockExam.answersShown')
            : t('candidateMockExam.answersHidden')}
        </Typography.Paragraph>
        <Flex gap={8} align="center" wrap>
          <StartButton
            exam={data}
            isStarting={start.isPending}
            onContinue={onOpen}
            onStart={() =>
              start.mutate(undefined, { onSuccess: (d) => onOpen(d.attempt.attemptId) })
            }
          />
        </Flex>
        {start.error ? (
          <Alert type="error" showIcon role="alert" title={describe(start.error)} />
        ) : null}
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {t('candidateMockExam.history')}
        </Typography.Title>
        <AttemptHistory attempts={data.attempts} onOpen={onOpen} />
      </Flex>
    );
  }

  return (
    <section aria-labelledby="mock-paper">
      <Typography.Title level={2} id="mock-paper" style={{ fontSize: 18 }}>
        {t('candidateMockExam.heading')}
      </Typography.Title>
      {content}
    </section>
  );
}

function StartButton({
  exam,
  isStarting,
  onContinue,
  onStart,
}: {
  exam: MyMockExam;
  isStarting: boolean;
  onContinue: (attemptId: string) => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const open = exam.attempts.find((attempt) => attempt.state === 'in_progress');
  // The one in progress can be finished even once no new one may start.
  if (open) {
    return (
      <Button type="primary" onClick={() => onContinue(open.attemptId)}>
        {t('candidateMockExam.continue')}
      </Button>
    );
  }
  if (exam.closedReason) {
    const reason = t(`candidateMockExam.closed.${exam.closedReason}`);
    return (
      <>
        <DisabledActionButton label={t('candidateMockExam.start')} reason={reason} />
        <Typography.Text type="secondary" aria-hidden>
          {reason}
        </Typography.Text>
      </>
    );
  }
  return (
    <Button type="primary" loading={isStarting} onClick={onStart}>
      {t('candidateMockExam.start')}
    </Button>
  );
}

function AttemptHistory({
  attempts,
  onOpen,
}: {
  attempts: readonly MockAttemptSummary[];
  onOpen: (attemptId: string) => void;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  // Newest first, counted from the first: 第 3 次, 第 2 次, 第 1 次.
  const round = (index: number) => attempts.length - index;
  return (
    <SimpleTable
      rowKey="attemptId"
      dataSource={attempts}
      locale={{ emptyText: t('candidateMockExam.none') }}
      columns={[
        {
          key: 'round',
          title: t('candidateMockExam.columns.round'),
          render: (_v, _row, index) => t('candidateMockExam.round', { count: round(index) }),
        },
        {
          key: 'startedAt',
          title: time.withZone(t('candidateMockExam.columns.startedAt')),
          render: (_v, row) => time.dateTime(row.startedAt),
        },
        {
          key: 'state',
          title: t('candidateMockExam.columns.state'),
          render: (_v, row) => {
            if (!row.submittedAt) return t('candidateMockExam.inProgress');
            const at = time.dateTime(row.submittedAt);
            return row.submitReason === 'deadline'
              ? t('candidateMockExam.byDeadline', { time: at })
              : t('candidateMockExam.submittedAt', { time: at });
          },
        },
        {
          key: 'score',
          title: t('candidateMockExam.columns.score'),
          render: (_v, row) =>
            row.points === null
              ? '—'
              : t('candidateMockExam.score', { points: row.points, max: row.maxPoints }),
        },
        {
          key: 'actions',
          title: t('candidateMockExam.columns.actions'),
          render: (_v, row, index) =>
            row.state === 'in_progress' ? null : (
              <Button
                type="link"
                size="small"
                aria-label={t('candidateMockExam.viewRound', { count: round(index) })}
                onClick={() => onOpen(row.attemptId)}
              >
                {t('candidateMockExam.view')}
              </Button>
            ),
        },
      ]}
    />
  );
}
