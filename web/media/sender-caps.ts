import {
  DEFAULT_MEDIA_BUDGET,
  type MediaBudget,
  type MediaQuality,
  type VideoCaps,
  type VideoLayer,
} from '../../shared/api/media.js';
import type { MediaSource } from '../../shared/events.js';

/** What one peer connection may send of a publication: its video caps and the microphone's. */
export interface SenderCaps {
  video: VideoCaps;
  audioKbps: number;
}

/** The caps of `source` at `quality` for a viewer of `layer` (an examiner's camera is a camera). */
export function senderCapsOf(
  budget: MediaBudget,
  quality: MediaQuality,
  source: MediaSource,
  layer: VideoLayer,
): SenderCaps {
  const profile = budget[quality];
  const kind = source === 'phone' ? 'phone' : source === 'screen' ? 'screen' : 'camera';
  return { video: profile[kind][layer], audioKbps: profile.audioKbps };
}

/**
 * The one encoding of a video sender: scaled down to the cap's height (never up, whatever the
 * camera delivers), at most its frame rate and bitrate. `height` is the track's own, when known.
 */
export function videoEncoding(
  caps: VideoCaps,
  height: number | undefined,
): RTCRtpEncodingParameters {
  const scale = height && height > caps.maxHeight ? height / caps.maxHeight : 1;
  return {
    maxBitrate: caps.maxKbps * 1000,
    maxFramerate: caps.maxFps,
    scaleResolutionDownBy: Math.round(scale * 1000) / 1000,
    // A viewer in a poor network keeps the sound; the picture gives way first.
    priority: 'low',
    networkPriority: 'low',
  };
}

/** The microphone's encoding: a small bitrate, sent before the video when the link is full. */
export function audioEncoding(audioKbps: number): RTCRtpEncodingParameters {
  return { maxBitrate: audioKbps * 1000, priority: 'high', networkPriority: 'high' };
}

export const BUDGET_RETRY_MS = 30_000;

/**
 * The server's budget (GET /api/media/budget), fetched once per page and shared by every peer;
 * until it answers, or when it fails, the defaults (asked again after BUDGET_RETRY_MS).
 */
export function cachedMediaBudget(
  fetchBudget: () => Promise<MediaBudget>,
  now: () => number = Date.now,
): () => Promise<MediaBudget> {
  let budget: MediaBudget | null = null;
  let failedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<MediaBudget> | null = null;
  return () => {
    if (budget) return Promise.resolve(budget);
    if (now() - failedAt < BUDGET_RETRY_MS) return Promise.resolve(DEFAULT_MEDIA_BUDGET);
    pending ??= fetchBudget().then(
      (fetched) => {
        budget = fetched;
        pending = null;
        return fetched;
      },
      (error: unknown) => {
        console.warn('media: the media budget could not be fetched; using the defaults', error);
        failedAt = now();
        pending = null;
        return DEFAULT_MEDIA_BUDGET;
      },
    );
    return pending;
  };
}
