import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../../../../shared/api/interviews.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { ExaminerCallStage } from '../call/ExaminerCallStage.js';
import type { ReadinessChoice } from './ReadinessModal.js';
import { ReadinessTag } from './ReadinessTag.js';

interface CallPanelProps {
  sessionId: string;
  entry: QueueEntry;
  isBusy: boolean;
  onEnd: () => void;
  onMark: (choice: ReadinessChoice) => void;
  onOpen: () => void;
}

/**
 * The examiner's current call (also after a reload: the server's `myCall`): who it is with, the
 * audio and video (the candidate's camera and phone, the examiner's own camera), the readiness
 * so far, and 结束通话 / 标记就绪 / 标记未就绪.
 */
export function CallPanel({ sessionId, entry, isBusy, onEnd, onMark, onOpen }: CallPanelProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { ticket } = entry;
  return (
    <Card
      role="region"
      aria-labelledby="call-panel-title"
      title={
        <Typography.Title level={2} id="call-panel-title" style={{ fontSize: 18, margin: 0 }}>
          {t('staffWaitingRoom.callPanelTitle', { name: entry.candidateName })}
        </Typography.Title>
      }
      extra={<Typography.Text type="secondary">{entry.admissionNumber}</Typography.Text>}
    >
      <Flex vertical gap={12}>
        <ExaminerCallStage
          sessionId={sessionId}
          candidate={{ registrationId: ticket.registrationId, name: entry.candidateName }}
          sources={['camera', 'phone']}
        />
        <Typography.Text>{t('staffWaitingRoom.callPanelHint')}</Typography.Text>
        {ticket.calledAt && (
          <Typography.Text type="secondary">
            {t('staffWaitingRoom.callSince', { time: time.dateTime(ticket.calledAt) })}
          </Typography.Text>
        )}
        <Flex gap={8} align="center">
          <ReadinessTag ticket={ticket} />
        </Flex>
        <Flex gap={8} wrap>
          <Button type="primary" disabled={isBusy} onClick={() => onMark('ready')}>
            {t('staffWaitingRoom.markReady')}
          </Button>
          <Button danger disabled={isBusy} onClick={() => onMark('not_ready')}>
            {t('staffWaitingRoom.markNotReady')}
          </Button>
          <Button
            onClick={onOpen}
            aria-label={t('staffWaitingRoom.detailsOf', { name: entry.candidateName })}
          >
            {t('staffWaitingRoom.details')}
          </Button>
          <Button danger type="primary" disabled={isBusy} onClick={onEnd}>
            {t('staffWaitingRoom.endCall')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
