import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Segmented, Typography } from 'antd';
import { useCallback, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraVideo } from '../../../../media/camera/CameraVideo.js';
import { useCamera } from '../../../../media/camera/useCamera.js';
import { PhoneLiveView } from '../../check-in/phone/PhoneLiveView.js';
import { latestPhoneStatus, subscribePhoneStatus } from '../../check-in/phone/phoneStatusStore.js';
import { useSessionValue } from '../useSessionValue.js';

type Source = 'pc' | 'phone';

/**
 * The answering page's camera corner (issue 14 §4, seed 002): the PC camera's picture of the
 * candidate, small, with a switch to the paired phone's picture and the phone's status dot; it
 * can be collapsed to its title bar. Without a paired phone there is no switch; a camera that
 * fails says so in a line and the exam goes on. It sits in the page's side column, so it never
 * covers the question or the timer. The phone status is what the page's socket last said.
 */
export default function SelfView({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [isCollapsed, setIsCollapsed] = useSessionValue<boolean>(
    `invigil-self-view-collapsed-${registrationId}`,
    false,
  );
  const [chosen, setChosen] = useState<Source>('pc');
  const phone = useSyncExternalStore(
    subscribePhoneStatus,
    useCallback(() => latestPhoneStatus(registrationId), [registrationId]),
  );
  const isPaired = phone !== undefined && phone.state !== 'unpaired';
  const source: Source = isPaired ? chosen : 'pc';
  const isPhoneLive = phone?.state === 'live';

  return (
    <Card size="small" styles={{ body: { padding: 8 } }}>
      <section aria-labelledby={titleId}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text id={titleId} strong>
            {t('candidateWrittenExam.selfView.region')}
          </Typography.Text>
          <Flex align="center" gap={8}>
            {isPaired ? (
              <span role="status" data-testid="phone-dot" data-state={phone.state}>
                <Badge
                  status={isPhoneLive ? 'success' : 'error'}
                  text={t(
                    isPhoneLive
                      ? 'candidateWrittenExam.selfView.phoneOnline'
                      : 'candidateWrittenExam.selfView.phoneOffline',
                  )}
                />
              </span>
            ) : null}
            <Button
              size="small"
              type="text"
              aria-expanded={!isCollapsed}
              aria-label={t(
                isCollapsed
                  ? 'candidateWrittenExam.selfView.expand'
                  : 'candidateWrittenExam.selfView.collapse',
              )}
              icon={isCollapsed ? <DownOutlined aria-hidden /> : <UpOutlined aria-hidden />}
              onClick={() => setIsCollapsed(!isCollapsed)}
            />
          </Flex>
        </Flex>
        {isCollapsed ? null : (
          <Flex vertical gap={6} style={{ marginTop: 6 }}>
            {isPaired ? (
              <Segmented<Source>
                block
                size="small"
                aria-label={t('candidateWrittenExam.selfView.switchLabel')}
                value={source}
                onChange={setChosen}
                options={[
                  { value: 'pc', label: t('candidateWrittenExam.selfView.pcCamera') },
                  { value: 'phone', label: t('candidateWrittenExam.selfView.phoneCamera') },
                ]}
              />
            ) : null}
            {source === 'pc' ? (
              <PcCamera />
            ) : phone?.publisherSocketId ? (
              <PhoneLiveView
                registrationId={registrationId}
                publisherSocketId={phone.publisherSocketId}
              />
            ) : (
              <Typography.Text type="secondary" role="status">
                {t('candidateWrittenExam.selfView.phoneNoPicture')}
              </Typography.Text>
            )}
          </Flex>
        )}
      </section>
    </Card>
  );
}

/** The PC camera, open while shown (collapsing the corner stops it). */
function PcCamera() {
  const { t } = useTranslation();
  const camera = useCamera('user');
  if (camera.status === 'error') {
    return (
      <Typography.Text type="warning" role="status">
        {t('candidateWrittenExam.selfView.cameraFailed')}
      </Typography.Text>
    );
  }
  return (
    <div>
      <CameraVideo
        stream={camera.status === 'open' ? camera.stream : null}
        label={t('candidateWrittenExam.selfView.pcLabel')}
        isMirrored
        testId="self-view-pc"
        style={{ aspectRatio: '4 / 3', maxHeight: 180, objectFit: 'cover' }}
      />
      {camera.status === 'opening' ? (
        <Typography.Text type="secondary">
          {t('candidateWrittenExam.selfView.opening')}
        </Typography.Text>
      ) : null}
    </div>
  );
}
