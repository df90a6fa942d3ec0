import { Drawer, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttemptProgress } from '../../../../shared/api/attempt-progress.js';
import type { CandidateMediaSource } from '../../../../shared/events.js';
import type { MediaSession } from '../../../media/media-session.js';
import { RemoteTile } from '../../../call/RemoteTile.js';
import { ForceSubmitButton } from '../attempts/ForceSubmitButton.js';
import { SendWarningButton } from '../attempts/SendWarningButton.js';
import { SignalSummary, TimelineLink } from '../timeline/SignalSummary.js';

interface CandidateDrawerProps {
  row: AttemptProgress | null;
  session: MediaSession;
  listKey: readonly unknown[];
  canAct: boolean;
  timelineBasePath: string;
  onClose: () => void;
}

/**
 * One candidate opened large from 监考画面: the PC camera, the phone and the shared screen at
 * full quality (the drawer unmounts on close, which ends those copies), their signals, the
 * timeline, and 发送提醒 / 强制交卷 for whoever may act.
 */
export function CandidateDrawer({
  row,
  session,
  listKey,
  canAct,
  timelineBasePath,
  onClose,
}: CandidateDrawerProps) {
  const { t } = useTranslation();
  const sources: CandidateMediaSource[] =
    row?.screenShared === null ? ['camera', 'phone'] : ['camera', 'phone', 'screen'];
  const titles = {
    camera: t('staffConsole.pcCamera'),
    phone: t('staffConsole.phoneCamera'),
    screen: t('staffConsole.screen'),
  };
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={
        row
          ? t('staffConsole.drawerTitle', { name: row.candidateName, number: row.admissionNumber })
          : ''
      }
    >
      {row ? (
        <Flex vertical gap={16}>
          {row.state === 'in_progress' ? (
            <Flex gap={12} wrap>
              {sources.map((source) => (
                <RemoteTile
                  key={source}
                  session={session}
                  target={{ registrationId: row.registrationId, source }}
                  name={row.candidateName}
                  title={titles[source]}
                  offlineText={t('staffConsole.cameraOffline')}
                  testId={`console-large-${source}`}
                  width={source === 'screen' ? 640 : 320}
                  showLinkQuality
                />
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('staffConsole.notAnswering')}</Typography.Text>
          )}
          <SignalSummary row={row} />
          <TimelineLink row={row} basePath={timelineBasePath} />
          {canAct && row.state === 'in_progress' ? (
            <Flex gap={8} wrap>
              <SendWarningButton row={row} listKey={listKey} />
              <ForceSubmitButton row={row} listKey={listKey} />
            </Flex>
          ) : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}
