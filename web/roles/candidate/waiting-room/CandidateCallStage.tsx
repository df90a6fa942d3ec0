import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CandidateTicket } from '../../../../shared/api/interviews.js';
import type { MediaQuality } from '../../../../shared/api/media.js';
import { CallControls } from '../../../call/CallControls.js';
import { LocalTile } from '../../../call/LocalTile.js';
import { RemoteTile } from '../../../call/RemoteTile.js';
import { useLocalMedia } from '../../../call/useLocalMedia.js';
import { usePageMediaSession } from '../../../call/usePageMediaSession.js';
import { usePublication } from '../../../call/usePublication.js';
import { useScreenShare } from '../../../call/useScreenShare.js';

/**
 * The candidate's audio and video from entering the waiting room until the interview ends: the
 * camera and microphone are published as the registration's `camera` all along (staff may
 * watch; the examiners hear the candidate during the call and the interview); the examiners the
 * server lists in `mediaPeers` are shown and heard (nobody while waiting, docs/journeys.md J1); 共享屏幕
 * in the exam room (docs/journeys.md J2).
 */
export function CandidateCallStage({
  ticket,
  registrationId,
  quality,
}: {
  ticket: CandidateTicket;
  registrationId: string;
  /** The exam's `mediaQuality` rule: proctoring quality unless it asks for interview quality. */
  quality: MediaQuality;
}) {
  const { t } = useTranslation();
  const session = usePageMediaSession();
  const media = useLocalMedia(true, quality);
  const controls = usePublication(
    session,
    media.stream,
    { registrationId, source: 'camera' },
    quality,
  );
  const isInRoom = ticket.state === 'in_room';
  const screen = useScreenShare(session, registrationId, isInRoom);
  const peers = ticket.state === 'called' || isInRoom ? ticket.mediaPeers : [];

  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('candidateWaitingRoom.stage')}</h2>}>
      <Flex vertical gap={12}>
        <Flex gap={16} wrap align="flex-start">
          {peers.map((peer) => (
            <RemoteTile
              key={peer.staffId}
              session={session}
              target={{ sessionId: ticket.sessionId, staffId: peer.staffId, source: 'staff' }}
              name={peer.name}
              title={peer.name}
              withSound
              testId="examiner-video"
            />
          ))}
          <LocalTile media={media} />
        </Flex>
        {peers.length === 0 ? (
          <Typography.Text type="secondary">
            {t('candidateWaitingRoom.waitingMedia')}
          </Typography.Text>
        ) : null}
        {isInRoom ? (
          <Typography.Text type="secondary">{t('candidateWaitingRoom.screenHint')}</Typography.Text>
        ) : null}
        <CallControls controls={controls} screen={isInRoom ? screen : undefined} />
      </Flex>
    </Card>
  );
}
