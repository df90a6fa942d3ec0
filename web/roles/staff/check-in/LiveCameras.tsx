import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CandidateMediaSource } from '../../../../shared/events.js';
import { RemoteTile } from '../../../call/RemoteTile.js';
import { usePageMediaSession } from '../../../call/usePageMediaSession.js';

/** The two cameras of a check-in: the PC's (published by the check-in page) and the phone's. */
const CAMERAS = ['camera', 'phone'] as const satisfies readonly CandidateMediaSource[];

/**
 * 实时画面: the candidate's PC camera and phone camera side by side, subscribed while the drawer
 * is open (it unmounts its content on close, which closes the session). Silent: staff watch
 * here, they talk in the call.
 */
export function LiveCameras({
  registrationId,
  candidateName,
}: {
  registrationId: string;
  candidateName: string;
}) {
  const { t } = useTranslation();
  const session = usePageMediaSession();
  return (
    <section aria-labelledby="live-cameras-title">
      <Typography.Title level={2} id="live-cameras-title" style={{ fontSize: 16 }}>
        {t('staffCheckIn.live.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('staffCheckIn.live.hint')}</Typography.Paragraph>
      <Flex gap={16} wrap>
        {CAMERAS.map((camera) => (
          <RemoteTile
            key={camera}
            session={session}
            target={{ registrationId, source: camera }}
            name={candidateName}
            title={t(`staffCheckIn.live.${camera}`)}
            testId={`live-camera-${camera}`}
            // Staff watch the check-in silently: the small picture, one light copy of the uplink.
            layer="low"
            width={400}
          />
        ))}
      </Flex>
    </section>
  );
}
