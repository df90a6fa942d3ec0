import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MediaPeer } from '../../../../shared/api/interviews.js';
import type { CandidateMediaSource } from '../../../../shared/events.js';
import { CallControls } from '../../../call/CallControls.js';
import { LocalTile } from '../../../call/LocalTile.js';
import { RemoteTile } from '../../../call/RemoteTile.js';
import { useLocalMedia } from '../../../call/useLocalMedia.js';
import { usePageMediaSession } from '../../../call/usePageMediaSession.js';
import { usePublication } from '../../../call/usePublication.js';
import { useSessionUser } from '../../../auth/useSessionUser.js';

interface ExaminerCallStageProps {
  sessionId: string;
  /** The candidate in the call or in the room; null: only colleagues and oneself. */
  candidate: { registrationId: string; name: string } | null;
  /** Which of the candidate's streams to show: the call needs camera and phone, the room all. */
  sources: readonly CandidateMediaSource[];
  /** The other panel examiners (seen and heard); oneself is left out. */
  colleagues?: readonly MediaPeer[];
}

/**
 * An examiner's audio and video: their own camera and microphone published as their `staff`
 * stream of the session (the candidate in the call or the room sees and hears it, so do the
 * other panel examiners), the candidate's camera with sound, the phone camera and the shared
 * screen silent, colleagues with sound. 静音 and 关闭摄像头 are the examiner's.
 */
export function ExaminerCallStage({
  sessionId,
  candidate,
  sources,
  colleagues = [],
}: ExaminerCallStageProps) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const session = usePageMediaSession();
  const media = useLocalMedia(true);
  const controls = usePublication(session, media.stream, { sessionId, source: 'staff' });
  const others = colleagues.filter((peer) => peer.staffId !== user.id);

  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap align="flex-start">
        {candidate
          ? sources.map((source) => (
              <RemoteTile
                key={`${candidate.registrationId}-${source}`}
                session={session}
                target={{ registrationId: candidate.registrationId, source }}
                name={candidate.name}
                title={t(`call.what.${source}`)}
                withSound={source === 'camera'}
                offlineText={source === 'screen' ? t('call.tile.screenOffline') : undefined}
                testId={`candidate-${source}`}
              />
            ))
          : null}
        {others.map((peer) => (
          <RemoteTile
            key={peer.staffId}
            session={session}
            target={{ sessionId, staffId: peer.staffId, source: 'staff' }}
            name={peer.name}
            title={peer.name}
            withSound
            testId="colleague-video"
            width={240}
          />
        ))}
        <LocalTile media={media} />
      </Flex>
      <CallControls controls={controls} canTurnCameraOff />
    </Flex>
  );
}
