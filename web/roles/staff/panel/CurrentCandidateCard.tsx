import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueEntry } from '../../../../shared/api/interviews.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { ElapsedTimer } from '../../../ui/ElapsedTimer.js';

interface CurrentCandidateCardProps {
  sessionId: string;
  /** The candidate invited or in the room, if any. */
  occupant: QueueEntry | null;
  /** The candidate whose interview ended last (for the 评分 link), if any. */
  lastEnded: QueueEntry | null;
  offsetMs: number;
  canAct: boolean;
  isBusy: boolean;
  onCancel: (entry: QueueEntry) => void;
  onEnd: (entry: QueueEntry) => void;
  onDetails: (entry: QueueEntry) => void;
}

/** 当前考生: 已邀请，等待考生确认 (取消邀请) or 面试中 with the timer (结束面试). */
export function CurrentCandidateCard({
  sessionId,
  occupant,
  lastEnded,
  offsetMs,
  canAct,
  isBusy,
  onCancel,
  onEnd,
  onDetails,
}: CurrentCandidateCardProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { modal } = App.useApp();
  const scoresPath = `/examiner/sessions/${encodeURIComponent(sessionId)}/scores`;
  const confirmEnd = (entry: QueueEntry) => {
    modal.confirm({
      title: t('staffPanel.current.end'),
      content: t('staffPanel.current.endQuestion', { name: entry.candidateName }),
      okText: t('staffPanel.current.endOk'),
      cancelText: t('staffPanel.current.endCancel'),
      okButtonProps: { danger: true },
      onOk: () => onEnd(entry),
    });
  };

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('staffPanel.current.title')}
        </Typography.Title>
      }
    >
      <div aria-live="polite" data-testid="panel-current">
        {occupant ? (
          <Flex vertical gap={12}>
            <Flex gap={12} align="center" wrap>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {occupant.candidateName}
              </Typography.Text>
              <Typography.Text type="secondary">{occupant.admissionNumber}</Typography.Text>
              {occupant.ticket.state === 'invited' ? (
                <Tag color="processing">{t('staffPanel.current.invited')}</Tag>
              ) : (
                <Tag color="success">{t('staffPanel.current.inRoom')}</Tag>
              )}
              <Button type="link" onClick={() => onDetails(occupant)}>
                {t('staffPanel.ready.details')}
              </Button>
            </Flex>
            {occupant.ticket.state === 'invited' && occupant.ticket.invitedAt && (
              <Typography.Text type="secondary">
                {t('staffPanel.current.invitedAt', {
                  time: time.dateTime(occupant.ticket.invitedAt),
                })}
              </Typography.Text>
            )}
            {occupant.ticket.state === 'in_room' && occupant.ticket.interviewStartedAt && (
              <Flex gap={16} align="center" wrap>
                <ElapsedTimer
                  startedAt={occupant.ticket.interviewStartedAt}
                  offsetMs={offsetMs}
                  label={(time) => t('staffPanel.current.elapsed', { time })}
                  testId="panel-interview-timer"
                  style={{ fontSize: 20 }}
                />
                <Typography.Text type="secondary">
                  {t('staffPanel.current.startedAt', {
                    time: time.dateTime(occupant.ticket.interviewStartedAt),
                  })}
                </Typography.Text>
              </Flex>
            )}
            {canAct && (
              <Flex gap={8}>
                {occupant.ticket.state === 'invited' ? (
                  <Popconfirm
                    title={t('staffPanel.current.cancel')}
                    okText={t('staffPanel.current.cancel')}
                    cancelText={t('staffPanel.current.endCancel')}
                    onConfirm={() => onCancel(occupant)}
                  >
                    <Button loading={isBusy}>{t('staffPanel.current.cancel')}</Button>
                  </Popconfirm>
                ) : (
                  <Button
                    danger
                    type="primary"
                    loading={isBusy}
                    onClick={() => confirmEnd(occupant)}
                  >
                    {t('staffPanel.current.end')}
                  </Button>
                )}
              </Flex>
            )}
          </Flex>
        ) : (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{t('staffPanel.current.empty')}</Typography.Text>
            {lastEnded?.ticket.interviewEndedAt && (
              <Flex gap={12} align="center" wrap>
                <Typography.Text>
                  {t('staffPanel.current.lastEnded', {
                    name: lastEnded.candidateName,
                    admission: lastEnded.admissionNumber,
                    time: time.dateTime(lastEnded.ticket.interviewEndedAt),
                  })}
                </Typography.Text>
                <Link to={scoresPath}>
                  {t('staffPanel.current.score', { name: lastEnded.candidateName })}
                </Link>
              </Flex>
            )}
          </Flex>
        )}
      </div>
    </Card>
  );
}
