/** Longest side of a verification photo: plenty for a face, far below the upload limit. */
const MAX_SIDE_PX = 960;

/** The video's current frame as a JPEG, base64 without the `data:` prefix (the API's format). */
export function snapshotJpegBase64(video: HTMLVideoElement): string | null {
  const { videoWidth, videoHeight } = video;
  if (videoWidth === 0 || videoHeight === 0) return null;
  const scale = Math.min(1, MAX_SIDE_PX / Math.max(videoWidth, videoHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(videoWidth * scale);
  canvas.height = Math.round(videoHeight * scale);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const dataUrl = canvas.toDataURL('image/jpeg', 0.85);
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? null : dataUrl.slice(comma + 1);
}
