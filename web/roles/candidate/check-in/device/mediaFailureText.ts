import type { TFunction } from 'i18next';
import type { MediaError } from '../../../../../shared/api/check-in.js';

const DEVICE_SPECIFIC = ['not_found', 'in_use'] as const;
type DeviceSpecific = (typeof DEVICE_SPECIFIC)[number];
const isDeviceSpecific = (reason: MediaError): reason is DeviceSpecific =>
  (DEVICE_SPECIFIC as readonly MediaError[]).includes(reason);

/**
 * What the device check says when camera or microphone fail: the device at fault by name when
 * only one failed (a PC without a camera must not read “no camera or microphone”), both otherwise.
 * Null when both opened.
 */
export function mediaFailureText(
  t: TFunction,
  camera: MediaError | null,
  microphone: MediaError | null,
): { title: string; lines: string[] } | null {
  if (camera && microphone) {
    return {
      title: t('candidateCheckIn.device.mediaFailed'),
      lines: [...new Set([camera, microphone])].map((reason) => t(`media.errors.${reason}`)),
    };
  }
  if (camera) {
    return {
      title: t('candidateCheckIn.device.cameraFailed'),
      lines: [
        isDeviceSpecific(camera) ? t(`media.cameraErrors.${camera}`) : t(`media.errors.${camera}`),
      ],
    };
  }
  if (microphone) {
    return {
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
