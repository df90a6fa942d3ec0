// The snapshot sent to the server: JPEG, about 640 px wide, base64 without the data: prefix
// (shared/api/check-in.ts snapshotBase64Schema).

export const SNAPSHOT_WIDTH = 640;
export const SNAPSHOT_QUALITY = 0.85;

type Source = ImageBitmap | HTMLVideoElement;

function sizeOf(source: Source): { width: number; height: number } {
  return source instanceof HTMLVideoElement
    ? { width: source.videoWidth, height: source.videoHeight }
    : { width: source.width, height: source.height };
}

/** Scales the picture down to at most 640 px wide and encodes it as JPEG base64. */
export async function encodeSnapshot(source: Source): Promise<string> {
  const { width, height } = sizeOf(source);
  if (width === 0 || height === 0) throw new Error('no picture yet');
  const scale = Math.min(1, SNAPSHOT_WIDTH / width);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', SNAPSHOT_QUALITY),
  );
  if (!blob) throw new Error('JPEG encoding failed');
  return toBase64(new Uint8Array(await blob.arrayBuffer()));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Resolves once the video shows a frame (a camera that has just opened has none yet); rejects
 * after `timeoutMs`.
 */
export function waitForVideoFrame(video: HTMLVideoElement, timeoutMs = 5_000): Promise<void> {
  if (video.videoWidth > 0 && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => {
      video.removeEventListener('loadeddata', onFrame);
      reject(new Error('no picture yet'));
    }, timeoutMs);
    function onFrame() {
      window.clearTimeout(timer);
      resolve();
    }
    video.addEventListener('loadeddata', onFrame, { once: true });
  });
}
