import type { TFunction } from 'i18next';
import type { MediaError } from '../../../../../shared/api/check-in.js';

const DEVICE_SPECIFIC = ['not_found', 'in_use'] as const;
type DeviceSpecific = (typeof DEVICE_SPECIFIC)[number];
const isDeviceSpecific = (reason: MediaError): reason is DeviceSpecific =>
  (DEVICE_SPECIFIC as readonly MediaError[]).includes(reason);

export interface MediaFailureText {
  title: string;
  lines: string[];
  /**
   * `warning` when the candidate may go on as they are (no camera, and the exam lets the phone be
   * the primary camera); `error` when something must be fixed first.
   */
  severity: 'error' | 'warning';
}

/**
 * What the device check says when camera or microphone fail: the device at fault by name when
 * only one failed (a PC without a camera must not read “no camera or microphone”), both otherwise.
 * A PC without a camera whose exam allows the phone as the primary camera is told to go on with
 * the phone (the server passes the step for that case alone, server/check-in/state-machine.ts).
 * Null when both opened.
 */
export function mediaFailureText(
  t: TFunction,
  camera: MediaError | null,
  microphone: MediaError | null,
  { phoneAsPrimaryAllowed = false }: { phoneAsPrimaryAllowed?: boolean } = {},
): MediaFailureText | null {
  if (camera && microphone) {
    return {
      title: t('candidateCheckIn.device.mediaFailed'),
      lines: [...new Set([camera, microphone])].map((reason) => t(`media.errors.${reason}`)),
      severity: 'error',
    };
  }
  if (camera === 'not_found' && phoneAsPrimaryAllowed) {
    return {
      title: t('candidateCheckIn.device.phoneInsteadTitle'),
      lines: [t('candidateCheckIn.device.phoneInstead')],
      severity: 'warning',
    };
  }
  if (camera) {
    return {
      severity: 'error',
      title: t('candidateCheckIn.device.cameraFailed'),
      lines: [
        isDeviceSpecific(camera) ? t(`media.cameraErrors.${camera}`) : t(`media.errors.${camera}`),
      ],
    };
  }
  if (microphone) {
    return {
      severity: 'error',
      title: t('candidateCheckIn.device.microphoneFailed'),
      lines: [
        isDeviceSpecific(microphone)
          ? t(`media.microphoneErrors.${microphone}`)
          : t(`media.errors.${microphone}`),
      ],
    };
  }
  return null;
}
