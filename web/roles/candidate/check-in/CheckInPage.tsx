import { VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { CheckInState } from '../../../../shared/api/check-in.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { LoadError } from '../../../ui/LoadError.js';
import { PageSpinner } from '../../../ui/PageSpinner.js';
import { ReconnectingBanner } from '../../../ui/ReconnectingBanner.js';
import { StatusTag } from '../../../ui/StatusTag.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { CheckInStepsBar } from './CheckInStepsBar.js';
import { canOpenWrittenExam, viewOf, writtenExamPath, type CheckInView } from './checkInView.js';
import { Countdown } from './Countdown.js';
import { DeviceCheckStep } from './device/DeviceCheckStep.js';
import { EnterExamButton } from './EnterExamButton.js';
import { FaceCheckStep } from './face/FaceCheckStep.js';
import { PhoneStep } from './phone/PhoneStep.js';
import { PledgeStep } from './pledge/PledgeStep.js';
import { ReadyPanel } from './ReadyPanel.js';
import { useCheckIn, useStoreCheckInState } from './useCheckIn.js';
import { usePublishCamera } from './usePublishCamera.js';
import { useEnterWaitingRoom } from '../waiting-room/WaitingRoomPage.js';
import { useErrorMessage } from '../../../api/errors.js';

/**
 * `/candidate/registrations/:registrationId/check-in`: 考前检测 (device → face → pledge → phone),
 * resumed where the server says the candidate stands; 进入考试 enables when the server opens
 * the session (the state is polled, no reload needed).
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const { registrationId = '' } = useParams();
  const checkIn = useCheckIn(registrationId);
  useDocumentTitle([t('candidateCheckIn.title'), checkIn.data?.state.examName]);
  const storeState = useStoreCheckInState(registrationId);
  const [chosen, setChosen] = useState<CheckInView | null>(null);

  const handleStateChange = (next: CheckInState) => {
    storeState(next);
    // A finished step (or a re-run device check) hands over to where the server says we are.
    setChosen(null);
  };

  return (
    <RoleShell>
      <Flex vertical gap={16} style={{ maxWidth: 1100, marginInline: 'auto' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('candidateCheckIn.title')}
        </Typography.Title>
        {/* The PC's own connection; the phone's is shown by the phone step's status. */}
        <ReconnectingBanner />
        {checkIn.isError && !checkIn.data ? (
          <LoadError error={checkIn.error} onRetry={() => void checkIn.refetch()} />
        ) : !checkIn.data ? (
          <PageSpinner />
        ) : (
          <CheckInContent
            state={checkIn.data.state}
            offsetMs={checkIn.data.offsetMs}
            chosen={chosen}
            onChoose={setChosen}
            onStateChange={handleStateChange}
            onStartReached={() => void checkIn.refetch()}
          />
        )}
        <Link to="/candidate">{t('candidateCheckIn.back')}</Link>
      </Flex>
    </RoleShell>
  );
}

interface CheckInContentProps {
  state: CheckInState;
  offsetMs: number;
  chosen: CheckInView | null;
  onChoose: (view: CheckInView | null) => void;
  onStateChange: (state: CheckInState) => void;
  onStartReached: () => void;
}

function CheckInContent({
  state,
  offsetMs,
  chosen,
  onChoose,
  onStateChange,
  onStartReached,
}: CheckInContentProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const view = viewOf(state, chosen);
  const stepProps = { state, onStateChange };
  const title =
    view === 'ready' ? t('candidateCheckIn.ready.title') : t(`candidateCheckIn.steps.${view}`);
  // Staff watch the PC camera once the device check found it working; a re-run of that check
  // measures the camera on its own, so the publication pauses meanwhile.
  const cameraShared =
    usePublishCamera(
      state.registrationId,
      state.steps.device.state === 'passed' && view !== 'device',
    ) === 'publishing';

  const navigate = useNavigate();
  const describe = useErrorMessage();
  const enter = useEnterWaitingRoom(state.registrationId, () => {
    void navigate(`/candidate/registrations/${state.registrationId}/waiting-room`);
  });
  // A written exam has no waiting room: its page shows 考生须知 and counts down to the start,
  // so it opens once every step is done, before the session starts.
  const isWritten = state.examKind === 'written';
  const handleEnter = isWritten
    ? () => void navigate(writtenExamPath(state.registrationId))
    : () => enter.mutate();

  return (
    <>
      <Card>
        <Flex vertical gap={4}>
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
              {state.examName}
            </Typography.Title>
            <StatusTag status={state.status} />
          </Flex>
          <Typography.Text>
            {t('candidateCheckIn.session', {
              session: state.sessionName,
              time: time.timeRange(state.startsAt, state.endsAt),
            })}
          </Typography.Text>
          <Countdown state={state} offsetMs={offsetMs} onStartReached={onStartReached} />
        </Flex>
      </Card>
      <CheckInStepsBar state={state} view={view} onOpen={onChoose} />
      <div aria-live="polite">
        {cameraShared ? (
          <Typography.Text type="secondary" data-testid="camera-shared-note">
            <VideoCameraOutlined aria-hidden /> {t('candidateCheckIn.cameraShared')}
          </Typography.Text>
        ) : null}
      </div>
      {state.steps.face.state === 'flagged' ? (
        <Alert type="warning" showIcon title={t('candidateCheckIn.faceFlagged')} />
      ) : null}
      <Card
        title={
          <h2 style={{ fontSize: 18, margin: 0 }} aria-live="polite">
            {title}
          </h2>
        }
        extra={
          view !== 'device' && state.steps.device.state !== 'not_required' ? (
            <Button onClick={() => onChoose('device')}>{t('candidateCheckIn.rerunDevice')}</Button>
          ) : chosen === 'device' && state.currentStep !== 'device' ? (
            <Button onClick={() => onChoose(null)}>{t('candidateCheckIn.backToCurrent')}</Button>
          ) : null
        }
      >
        {view === 'device' ? (
          <DeviceCheckStep {...stepProps} />
        ) : view === 'face' ? (
          <FaceCheckStep {...stepProps} />
        ) : view === 'pledge' ? (
          <PledgeStep {...stepProps} />
        ) : view === 'phone' ? (
          <PhoneStep {...stepProps} />
        ) : (
          <ReadyPanel {...stepProps} />
        )}
      </Card>
      <Flex vertical gap={4} align="flex-start" aria-live="polite">
        <EnterExamButton
          state={state}
          isEnabled={isWritten ? canOpenWrittenExam(state) : state.canEnter}
          onEnter={handleEnter}
        />
        {enter.isError ? (
          <Alert type="error" showIcon role="alert" title={describe(enter.error)} />
        ) : null}
      </Flex>
    </>
  );
}
