import type { ParseKeys } from 'i18next';
import type { DeviceReport, MediaError } from '../../../../../shared/api/check-in.js';

/** Below these the camera line is a warning: staff need to recognise a face. */
export const CAMERA_LIMITS = { minWidth: 640, minHeight: 480, minFrameRate: 15 } as const;
/** A peak under this means the candidate was probably never heard (a muted or wrong microphone). */
export const MIN_PEAK_LEVEL = 0.05;

/** What the camera and microphone part of the check found, before the network and browser. */
export interface MediaFindings {
  camera: {
    error: MediaError | null;
    label: string | null;
    width: number | null;
    height: number | null;
    frameRate: number | null;
    /** 可以看到 / 看不到; null until answered. */
    seen: boolean | null;
  };
  microphone: {
    error: MediaError | null;
    label: string | null;
    peakLevel: number | null;
    /** 可以看到 (the level moved) / 看不到; null until answered. */
    seen: boolean | null;
  };
  /** 可以听到 / 听不到; null until answered. */
  speakerHeard: boolean | null;
}

/** The 检测报告 as the server stores it; a device works when it opened and the candidate saw it. */
export function buildDeviceReport(
  media: MediaFindings,
  network: DeviceReport['network'],
  browser: DeviceReport['browser'],
): DeviceReport {
  const { camera, microphone } = media;
  return {
    camera: {
      ok: camera.error === null && camera.seen === true,
      label: trimLabel(camera.label),
      width: camera.width,
      height: camera.height,
      frameRate: camera.frameRate === null ? null : Math.round(camera.frameRate * 10) / 10,
      error: camera.error,
    },
    microphone: {
      ok: microphone.error === null && microphone.seen === true,
      label: trimLabel(microphone.label),
      peakLevel: microphone.peakLevel === null ? null : clamp01(microphone.peakLevel),
      error: microphone.error,
    },
    speaker: { heard: media.speakerHeard },
    network,
    browser,
  };
}

function trimLabel(label: string | null): string | null {
  return label ? label.slice(0, 200) : null;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export type ReportItem = 'camera' | 'microphone' | 'speaker' | 'network' | 'browser';

/** One line of the report: its item, whether it is fine, and which text (key + values) says so. */
export interface ReportLine {
  item: ReportItem;
  ok: boolean;
  /** The i18n key of the line's text. */
  text: ParseKeys;
  values: Record<string, string | number>;
}

/** Formats kbit/s for people: "850 kbit/s", "12.5 Mbit/s". */
export function formatKbps(kbps: number): string {
  return kbps >= 1000 ? `${String(Math.round(kbps / 100) / 10)} Mbit/s` : `${String(kbps)} kbit/s`;
}

/** Failures that concern one device, with texts naming it (the other device worked). */
const ONE_DEVICE = new Set<MediaError>(['not_found', 'in_use']);
type OneDeviceError = 'not_found' | 'in_use';
const isOneDevice = (error: MediaError): error is OneDeviceError => ONE_DEVICE.has(error);

/**
 * Why a device did not open, in words that name it when the other one opened (a PC without a
 * camera must not read “no camera or microphone”); a missing camera replaced by the phone when
 * the exam allows the phone as the primary camera.
 */
function deviceErrorText(
  device: 'camera' | 'microphone',
  error: MediaError,
  otherError: MediaError | null,
  phoneAsPrimaryAllowed: boolean,
): ParseKeys {
  if (otherError !== null || !isOneDevice(error)) return `media.errors.${error}`;
  if (device === 'camera' && error === 'not_found' && phoneAsPrimaryAllowed) {
    return 'candidateCheckIn.report.cameraPhonePrimary';
  }
  return device === 'camera' ? `media.cameraErrors.${error}` : `media.microphoneErrors.${error}`;
}

/** The report as lines to show (ok or warning, with the measured values); text keys under `report`. */
export function describeReport(
  report: DeviceReport,
  { phoneAsPrimaryAllowed = false }: { phoneAsPrimaryAllowed?: boolean } = {},
): ReportLine[] {
  const { camera, microphone, speaker, network, browser } = report;
  const size = { width: camera.width ?? 0, height: camera.height ?? 0, fps: camera.frameRate ?? 0 };
  const cameraLow =
    size.width < CAMERA_LIMITS.minWidth ||
    size.height < CAMERA_LIMITS.minHeight ||
    size.fps < CAMERA_LIMITS.minFrameRate;
  const percent = Math.round((microphone.peakLevel ?? 0) * 100);
  const browserValues = {
    name: browser.name,
    version: browser.version,
    width: browser.screenWidth,
    height: browser.screenHeight,
  };
  return [
    camera.error
      ? {
          item: 'camera',
          ok: false,
          text: deviceErrorText('camera', camera.error, microphone.error, phoneAsPrimaryAllowed),
          values: {},
        }
      : !camera.ok
        ? { item: 'camera', ok: false, text: 'candidateCheckIn.report.cameraNotSeen', values: {} }
        : {
            item: 'camera',
            ok: !cameraLow,
            text: cameraLow
              ? 'candidateCheckIn.report.cameraLow'
              : 'candidateCheckIn.report.cameraOk',
            values: size,
          },
    microphone.error
      ? {
          item: 'microphone',
          ok: false,
          text: deviceErrorText('microphone', microphone.error, camera.error, false),
          values: {},
        }
      : !microphone.ok
        ? {
            item: 'microphone',
            ok: false,
            text: 'candidateCheckIn.report.microphoneNotSeen',
            values: {},
          }
        : {
            item: 'microphone',
            ok: percent >= MIN_PEAK_LEVEL * 100,
            text:
              percent >= MIN_PEAK_LEVEL * 100
                ? 'candidateCheckIn.report.microphoneOk'
                : 'candidateCheckIn.report.microphoneQuiet',
            values: { percent },
          },
    {
      item: 'speaker',
      ok: speaker.heard === true,
      text:
        speaker.heard === null
          ? 'candidateCheckIn.report.speakerNotAnswered'
          : speaker.heard
            ? 'candidateCheckIn.report.speakerHeard'
            : 'candidateCheckIn.report.speakerNotHeard',
      values: {},
    },
    network.latencyMs === null || network.uplinkKbps === null
      ? { item: 'network', ok: false, text: 'candidateCheckIn.report.networkFailed', values: {} }
      : {
          item: 'network',
          ok: network.ok,
          text: network.ok
            ? 'candidateCheckIn.report.networkOk'
            : 'candidateCheckIn.report.networkSlow',
          values: { latency: network.latencyMs, uplink: formatKbps(network.uplinkKbps) },
        },
    {
      item: 'browser',
      ok: browser.ok,
      text: browser.ok
        ? 'candidateCheckIn.report.browserOk'
        : 'candidateCheckIn.report.browserMissing',
      values: browserValues,
    },
  ];
}
