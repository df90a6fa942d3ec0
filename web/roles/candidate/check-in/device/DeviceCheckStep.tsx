import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  saveMyDeviceReport,
  type DeviceReport,
  type MediaError,
} from '../../../../../shared/api/check-in.js';
import { callApi } from '../../../../api/client.js';
import { useErrorMessage } from '../../../../api/errors.js';
import { judgeBrowser, readBrowserFacts } from '../../../../media/browser-support.js';
import type { CheckInStepProps } from '../stepProps.js';
import { useStoreCheckInState } from '../useCheckIn.js';
import { buildDeviceReport, formatKbps } from './deviceReport.js';
import { DeviceReportView } from './DeviceReportView.js';
import { CameraCheck, MicrophoneCheck, SpeakerCheck } from './MediaChecks.js';
import { measureNetwork } from './networkCheck.js';
import { mediaFailureText } from './mediaFailureText.js';
import { useLocalMedia } from './useLocalMedia.js';

type Phase = 'intro' | 'checking' | 'report';

interface Answers {
  cameraSeen: boolean | null;
  microphoneSeen: boolean | null;
  speakerHeard: boolean | null;
}
const NO_ANSWERS: Answers = { cameraSeen: null, microphoneSeen: null, speakerHeard: null };

/**
 * 设备检测 (docs/journeys.md J3 §4-9): 开始检测 → camera 可以看到, test sound 可以听到, microphone level
 * 可以看到, network and browser measured meanwhile → 查看检测报告 → 完成检测 stores the report.
 */
export function DeviceCheckStep({ state, onStateChange }: CheckInStepProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { registrationId } = state;
  const { media, open } = useLocalMedia();
  const [phase, setPhase] = useState<Phase>('intro');
  const [answers, setAnswers] = useState<Answers>(NO_ANSWERS);
  const [peak, setPeak] = useState(0);
  const [network, setNetwork] = useState<DeviceReport['network'] | null>(null);
  const browser = useMemo(
    () => judgeBrowser(readBrowserFacts(), { screenShare: state.screenShareRequired }),
    [state.screenShareRequired],
  );
  const save = useMutation({
    mutationFn: (report: DeviceReport) =>
      callApi(saveMyDeviceReport, { params: { registrationId }, body: report }),
    onSuccess: onStateChange,
  });
  // Sent without the candidate asking: updates the page but does not move it to another step.
  const storeState = useStoreCheckInState(registrationId);
  const autoSend = useMutation({
    mutationFn: (report: DeviceReport) =>
      callApi(saveMyDeviceReport, { params: { registrationId }, body: report }),
    onSuccess: storeState,
  });

  const start = () => {
    setPhase('checking');
    setAnswers(NO_ANSWERS);
    setPeak(0);
    open();
    setNetwork(null);
    void measureNetwork().then(setNetwork, () =>
      setNetwork({ ok: false, latencyMs: null, uplinkKbps: null }),
    );
  };

  const retryMedia = () => {
    setAnswers((current) => ({ ...current, cameraSeen: null, microphoneSeen: null }));
    setPeak(0);
    open();
  };

  const opened = media.status === 'done' ? media : null;
  const report =
    opened && network
      ? buildDeviceReport(
          {
            camera: { ...opened.camera, seen: answers.cameraSeen },
            microphone: {
              ...opened.microphone,
              peakLevel: opened.microphone.error ? null : peak,
              seen: answers.microphoneSeen,
            },
            speakerHeard: answers.speakerHeard,
          },
          network,
          browser,
        )
      : null;
  const mediaErrors = opened
    ? [opened.camera.error, opened.microphone.error].filter(
        (error): error is MediaError => error !== null,
      )
    : [];
  const failure = opened
    ? mediaFailureText(t, opened.camera.error, opened.microphone.error, {
        phoneAsPrimaryAllowed: state.phoneAsPrimaryAllowed,
      })
    : null;

  // A camera or microphone that cannot open is reported at once, so staff see it even if the
  // candidate gives up here; the candidate can still re-check and send a newer report.
  const sentFor = useRef<object | null>(null);
  const { mutate } = autoSend;
  useEffect(() => {
    if (!opened || !report || mediaErrors.length === 0 || sentFor.current === opened) return;
    sentFor.current = opened;
    mutate(report);
  }, [opened, report, mediaErrors.length, mutate]);

  const isAnswered =
    opened !== null &&
    network !== null &&
    (opened.camera.error !== null || answers.cameraSeen !== null) &&
    (opened.microphone.error !== null || answers.microphoneSeen !== null) &&
    answers.speakerHeard !== null;
  const notPassed = save.isSuccess && save.data.steps.device.state === 'pending';

  if (phase === 'intro') {
    return (
      <Flex vertical gap={16} align="flex-start">
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('candidateCheckIn.device.intro')}
        </Typography.Paragraph>
        <Button type="primary" size="large" onClick={start}>
          {t('candidateCheckIn.device.start')}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <div role="status" aria-live="polite">
        {media.status === 'opening' ? (
          <Spin size="small">
            <Typography.Text>{t('candidateCheckIn.device.opening')}</Typography.Text>
          </Spin>
        ) : null}
        {(save.isSuccess && !notPassed) || autoSend.isSuccess ? (
          <Typography.Text type="success">{t('candidateCheckIn.report.saved')}</Typography.Text>
        ) : null}
      </div>
      {failure ? (
        <Alert
          type={failure.severity}
          showIcon
          role="alert"
          title={failure.title}
          description={
            <Flex vertical gap={4}>
              {failure.lines.map((line) => (
                <Typography.Text key={line}>{line}</Typography.Text>
              ))}
              {failure.severity === 'error' ? (
                <Typography.Text type="secondary">
                  {t('candidateCheckIn.device.reportStillSent')}
                </Typography.Text>
              ) : null}
            </Flex>
          }
          action={<Button onClick={retryMedia}>{t('candidateCheckIn.device.retry')}</Button>}
        />
      ) : null}
      {save.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} />
      ) : null}
      {phase === 'checking' ? (
        <>
          <Row gutter={[16, 16]}>
            {opened && !opened.camera.error ? (
              <Col xs={24} lg={12}>
                <CameraCheck
                  stream={opened.stream}
                  camera={opened.camera}
                  seen={answers.cameraSeen}
                  onSeen={(cameraSeen) => setAnswers((current) => ({ ...current, cameraSeen }))}
                />
              </Col>
            ) : null}
            <Col xs={24} lg={12}>
              <Flex vertical gap={16}>
                {opened && !opened.microphone.error ? (
                  <MicrophoneCheck
                    stream={opened.stream}
                    seen={answers.microphoneSeen}
                    onSeen={(microphoneSeen) =>
                      setAnswers((current) => ({ ...current, microphoneSeen }))
                    }
                    peak={peak}
                    onPeak={setPeak}
                  />
                ) : null}
                <SpeakerCheck
                  heard={answers.speakerHeard}
                  onHeard={(speakerHeard) =>
                    setAnswers((current) => ({ ...current, speakerHeard }))
                  }
                />
                <NetworkAndBrowser network={network} browser={browser} />
              </Flex>
            </Col>
          </Row>
          <Flex vertical gap={4} align="flex-start">
            <Button type="primary" disabled={!isAnswered} onClick={() => setPhase('report')}>
              {t('candidateCheckIn.device.viewReport')}
            </Button>
            {isAnswered ? null : (
              <Typography.Text type="secondary">
                {t('candidateCheckIn.device.viewReportHint')}
              </Typography.Text>
            )}
          </Flex>
        </>
      ) : report ? (
        <section aria-labelledby="device-report-title">
          <Flex vertical gap={12}>
            <Typography.Title
              level={3}
              id="device-report-title"
              style={{ fontSize: 18, margin: 0 }}
            >
              {t('candidateCheckIn.report.title')}
            </Typography.Title>
            <DeviceReportView report={report} phoneAsPrimaryAllowed={state.phoneAsPrimaryAllowed} />
            {notPassed ? (
              <Alert
                type="warning"
                showIcon
                role="alert"
                title={t('candidateCheckIn.report.notPassed')}
              />
            ) : null}
            <Flex gap={8} wrap>
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate(report)}>
                {t('candidateCheckIn.report.finish')}
              </Button>
              <Button onClick={start}>{t('candidateCheckIn.report.again')}</Button>
            </Flex>
          </Flex>
        </section>
      ) : null}
    </Flex>
  );
}

interface NetworkAndBrowserProps {
  network: DeviceReport['network'] | null;
  browser: DeviceReport['browser'];
}

/** The measured network (latency, uplink) and the browser facts, shown while the check runs. */
function NetworkAndBrowser({ network, browser }: NetworkAndBrowserProps) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <h3 style={{ fontSize: 16, margin: 0 }}>
          {t('candidateCheckIn.device.network')} · {t('candidateCheckIn.device.browser')}
        </h3>
      }
    >
      <Flex vertical gap={4}>
        <div aria-live="polite">
          {network === null ? (
            <Typography.Text>{t('candidateCheckIn.device.networkRunning')}</Typography.Text>
          ) : network.latencyMs === null || network.uplinkKbps === null ? (
            <Typography.Text type="warning">
              {t('candidateCheckIn.device.networkFailed')}
            </Typography.Text>
          ) : (
            <Flex vertical>
              <Typography.Text>
                {t('candidateCheckIn.device.latency', { ms: network.latencyMs })}
              </Typography.Text>
              <Typography.Text>
                {t('candidateCheckIn.device.uplink', { speed: formatKbps(network.uplinkKbps) })}
              </Typography.Text>
            </Flex>
          )}
        </div>
        <Typography.Text>
          {t('candidateCheckIn.device.browserLine', {
            name: browser.name,
            version: browser.version,
            width: browser.screenWidth,
            height: browser.screenHeight,
          })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
