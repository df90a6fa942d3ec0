import { Badge, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttemptProgress } from '../../../../shared/api/attempt-progress.js';
import type { MediaSession } from '../../../media/media-session.js';
import { RemoteTile } from '../../../call/RemoteTile.js';
import { ConnectionTag } from '../attempts/OutageCell.js';
import { timeLeftOf } from '../attempts/useSessionAttempts.js';
import { SignalSummary } from '../timeline/SignalSummary.js';

/** A thumbnail's width: 30 candidates with two cameras each fit a 1920-pixel screen. */
const THUMB_WIDTH = 168;

interface CandidateTileProps {
  row: AttemptProgress;
  session: MediaSession;
  serverNow: number;
  onOpen: () => void;
}

/**
 * One candidate in 监考画面: the PC and phone cameras small (the low layer: a light copy of the
 * uplink), the PC's connection, answered count, time left, signals and unconfirmed reminders
 * in words. Cameras are subscribed only while the attempt is in progress.
 */
export function CandidateTile({ row, session, serverNow, onOpen }: CandidateTileProps) {
  const { t } = useTranslation();
  const isAnswering = row.state === 'in_progress';
  const left = timeLeftOf(row, serverNow);
  return (
    <Card size="small" styles={{ body: { padding: 8 } }}>
      <article aria-label={`${row.candidateName} ${row.admissionNumber}`}>
        <Flex justify="space-between" align="baseline" gap={8}>
          <Typography.Text strong>{row.candidateName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.admissionNumber}
          </Typography.Text>
        </Flex>
        {isAnswering ? (
          <Flex gap={4} style={{ marginBlock: 6 }}>
            {(['camera', 'phone'] as const).map((source) => (
              <RemoteTile
                key={source}
                session={session}
                target={{ registrationId: row.registrationId, source }}
                name={row.candidateName}
                title={t(
                  source === 'camera' ? 'staffConsole.pcCamera' : 'staffConsole.phoneCamera',
                )}
                offlineText={t('staffConsole.cameraOffline')}
                testId={`console-${source}-${row.admissionNumber}`}
                layer="low"
                width={THUMB_WIDTH}
              />
            ))}
          </Flex>
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginBlock: 6 }}>
            {t(`staffAttempts.states.${row.state}`)}
          </Typography.Paragraph>
        )}
        <Flex wrap gap={6} align="center" style={{ fontSize: 12 }}>
          <ConnectionTag row={row} />
          {row.state === 'not_started' ? null : (
            <span>
              {t('staffConsole.answered', {
                answered: row.answeredCount,
                total: row.questionCount,
              })}
            </span>
          )}
          {left ? (
            <span>
              {left.seconds > 0
                ? t('staffConsole.left', { time: left.text })
                : t('staffConsole.timeUp')}
            </span>
          ) : null}
          {row.warningsUnconfirmed > 0 ? (
            <Badge
              status="warning"
              text={t('staffConsole.unconfirmed', { count: row.warningsUnconfirmed })}
            />
          ) : null}
        </Flex>
        <Flex justify="space-between" align="end" gap={8} style={{ marginTop: 4 }}>
          <div style={{ fontSize: 12 }}>
            <SignalSummary row={row} />
          </div>
          <Button size="small" onClick={onOpen}>
            {t('staffConsole.open', { name: row.candidateName })}
          </Button>
        </Flex>
      </article>
    </Card>
  );
}
