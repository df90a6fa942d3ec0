import { Flex } from 'antd';
import { useState } from 'react';
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

/** The main tile's width; the others keep the default, a sound-only camera tile is smaller. */
const MAIN_WIDTH = 480;
const SOUND_ONLY_WIDTH = 240;

/**
 * The candidate's tiles in the order shown: the PC camera first, unless it brings sound only
 * (a PC without a camera, the phone as the primary camera): then the phone is the main picture.
 */
export function candidateTileOrder(
  sources: readonly CandidateMediaSource[],
  isCameraSoundOnly: boolean,
): CandidateMediaSource[] {
  if (!isCameraSoundOnly || !sources.includes('phone')) return [...sources];
  return ['phone', ...sources.filter((source) => source !== 'phone')];
}

/**
 * An examiner's audio and video: their own camera and microphone published as their `staff`
 * stream of the session (the candidate in the call or the room sees and hears it, so do the
 * other panel examiners), the candidate's camera with sound, the phone camera and the shared
 * screen silent, colleagues with sound. 静音 and 关闭摄像头 are the examiner's. When the candidate's
 * PC has no camera, its tile says 仅声音 (and still plays the voice) and the phone comes first,
 * large, as the candidate's picture.
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
  const [isCameraSoundOnly, setIsCameraSoundOnly] = useState(false);
  const phoneIsMain = isCameraSoundOnly && sources.includes('phone');
  const titleOf = (source: CandidateMediaSource) =>
    source === 'camera' && isCameraSoundOnly
      ? t('call.pcSound')
      : source === 'phone' && phoneIsMain
        ? t('call.mainPicture', { what: t('call.what.phone') })
        : t(`call.what.${source}`);
  const widthOf = (source: CandidateMediaSource) =>
    source === 'camera' && isCameraSoundOnly
      ? SOUND_ONLY_WIDTH
      : source === 'phone' && phoneIsMain
        ? MAIN_WIDTH
        : undefined;

  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap align="flex-start">
        {candidate
          ? candidateTileOrder(sources, isCameraSoundOnly).map((source) => (
              <RemoteTile
                key={`${candidate.registrationId}-${source}`}
                session={session}
                target={{ registrationId: candidate.registrationId, source }}
                name={candidate.name}
                title={titleOf(source)}
                withSound={source === 'camera'}
                offlineText={source === 'screen' ? t('call.tile.screenOffline') : undefined}
                audioOnlyText={source === 'camera' ? t('call.tile.candidateAudioOnly') : undefined}
                onAudioOnlyChange={source === 'camera' ? setIsCameraSoundOnly : undefined}
                testId={`candidate-${source}`}
                width={widthOf(source)}
                showLinkQuality
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
