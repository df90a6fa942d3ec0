import { Descriptions, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DeviceReport, MediaError } from '../../../../shared/api/check-in.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { formatKbps } from './checkInFormat.js';

function OkTag({ ok, t }: { ok: boolean; t: TFunction }) {
  return (
    <Tag color={ok ? 'success' : 'error'}>
      {ok ? t('staffCheckIn.report.ok') : t('staffCheckIn.report.problem')}
    </Tag>
  );
}

function mediaErrorText(error: MediaError | null, t: TFunction): string | null {
  return error ? t(`staffCheckIn.mediaError.${error}`) : null;
}

/** 检测报告: what the candidate's browser measured, part by part, as staff read it. */
export function DeviceReportView({
  report,
  checkedAt,
}: {
  report: DeviceReport | null;
  checkedAt: string | null;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  if (!report) {
    return <Typography.Text type="secondary">{t('staffCheckIn.report.none')}</Typography.Text>;
  }
  const unknown = t('staffCheckIn.report.unknown');
  const { camera, microphone, speaker, network, browser } = report;
  const cameraValue =
    camera.width !== null && camera.height !== null
      ? t('staffCheckIn.report.cameraValue', {
          width: camera.width,
          height: camera.height,
          fps: camera.frameRate === null ? unknown : Math.round(camera.frameRate),
        })
      : unknown;
  const speakerText =
    speaker.heard === null
      ? t('staffCheckIn.report.notAnswered')
      : speaker.heard
        ? t('staffCheckIn.report.heard')
        : t('staffCheckIn.report.notHeard');
  const browserNotes = [
    `${browser.name} ${browser.version}`,
    t('staffCheckIn.report.screen', { width: browser.screenWidth, height: browser.screenHeight }),
    ...(browser.webrtc ? [] : [t('staffCheckIn.report.webrtcMissing')]),
    ...(browser.missing.length > 0
      ? [t('staffCheckIn.report.missing', { features: browser.missing.join(', ') })]
      : []),
  ];

  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      title={t('staffCheckIn.report.title')}
      items={[
        {
          key: 'checkedAt',
          label: t('staffCheckIn.report.checkedAt'),
          children: checkedAt ? time.dateTime(checkedAt) : unknown,
        },
        {
          key: 'camera',
          label: t('staffCheckIn.report.camera'),
          children: (
            <>
              <OkTag ok={camera.ok} t={t} /> {camera.label ?? ''} {cameraValue}{' '}
              {mediaErrorText(camera.error, t)}
            </>
          ),
        },
        {
          key: 'microphone',
          label: t('staffCheckIn.report.microphone'),
          children: (
            <>
              <OkTag ok={microphone.ok} t={t} /> {microphone.label ?? ''}{' '}
              {microphone.peakLevel === null
                ? ''
                : t('staffCheckIn.report.micLevel', {
                    level: Math.round(microphone.peakLevel * 100),
                  })}{' '}
              {mediaErrorText(microphone.error, t)}
            </>
          ),
        },
        {
          key: 'speaker',
          label: t('staffCheckIn.report.speaker'),
          children: (
            <>
              <OkTag ok={speaker.heard === true} t={t} /> {speakerText}
            </>
          ),
        },
        {
          key: 'network',
          label: t('staffCheckIn.report.network'),
          children: (
            <>
              <OkTag ok={network.ok} t={t} />{' '}
              {t('staffCheckIn.report.networkValue', {
                latency:
                  network.latencyMs === null
                    ? unknown
                    : `${String(Math.round(network.latencyMs))} ms`,
                uplink: network.uplinkKbps === null ? unknown : formatKbps(network.uplinkKbps),
              })}
            </>
          ),
        },
        {
          key: 'browser',
          label: t('staffCheckIn.report.browser'),
          children: (
            <>
              <OkTag ok={browser.ok} t={t} /> {browserNotes.join('，')}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {browser.userAgent}
              </Typography.Text>
            </>
          ),
        },
      ]}
    />
  );
}
