import type { MediaError } from '../../shared/api/check-in.js';

/**
 * Maps a getUserMedia / getDisplayMedia failure to the reason the UI explains (docs/design.md "Media":
 * PermissionDenied / NotFound / DeviceInUse). Browsers disagree on names; both spellings count.
 */
export function mediaErrorOf(error: unknown): MediaError {
  if (typeof window !== 'undefined' && !window.isSecureContext) return 'insecure_context';
  if (typeof navigator === 'undefined' || !('mediaDevices' in navigator)) return 'unsupported';
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'permission_denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not_found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in_use';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'unknown';
  }
}

/** Opens camera and/or microphone, turning every failure into a MediaError (thrown). */
export async function openUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
  // Absent on insecure origins and old browsers, whatever the DOM types say.
  const mediaDevices = navigator.mediaDevices as MediaDevices | undefined;
  if (!mediaDevices) {
    throw new UserMediaError(window.isSecureContext ? 'unsupported' : 'insecure_context');
  }
  try {
    return await mediaDevices.getUserMedia(constraints);
  } catch (error) {
    throw new UserMediaError(mediaErrorOf(error), error);
  }
}

export class UserMediaError extends Error {
  constructor(
    readonly reason: MediaError,
    readonly original?: unknown,
  ) {
    super(`getUserMedia failed: ${reason}`);
    this.name = 'UserMediaError';
  }
}
