import { z } from 'zod';
import { defineRoute } from './contract.js';

/**
 * One STUN or TURN server as RTCPeerConnection takes it (RTCIceServer). TURN entries carry
 * time-limited credentials (the TURN REST API convention coturn's `use-auth-secret` checks).
 */
export const iceServerSchema = z.object({
  urls: z.array(z.string().min(1)).min(1),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

export const iceServersSchema = z.object({
  iceServers: z.array(iceServerSchema),
  /** Seconds the TURN credentials stay valid; null when there are none (STUN never expires). */
  ttlSeconds: z.number().int().positive().nullable(),
});
export type IceServers = z.infer<typeof iceServersSchema>;

export const getIceServers = defineRoute({
  method: 'GET',
  path: '/api/media/ice-servers',
  summary:
    'STUN/TURN servers for WebRTC, with TURN credentials valid for TURN_TTL_SECONDS; any logged-in user or the paired phone (by its device cookie)',
  tags: ['media'],
  // The phone has no login: the route checks the session or the phone cookie itself.
  access: 'public',
  policy: { foreign: 'none', except: { anonymous: 'UNAUTHENTICATED' } },
  response: iceServersSchema,
});

/**
 * What one video sender may use (RTCRtpSender encodings): the bitrate ceiling, the largest
 * height it sends (the track is scaled down to it, never up) and the frame rate ceiling.
 */
export const videoCapsSchema = z.strictObject({
  maxKbps: z.number().int().min(20).max(8000),
  maxHeight: z.number().int().min(90).max(2160),
  maxFps: z.number().min(1).max(60),
});
export type VideoCaps = z.infer<typeof videoCapsSchema>;

/**
 * Who a peer connection is for: `full` for the person in the call (the examiner talking to the
 * candidate), `low` for silent watchers (staff watching the check-in, the proctor's grid).
 * Peer-to-peer, each viewer has a connection of its own, so each gets its own layer.
 */
export const VIDEO_LAYERS = ['full', 'low'] as const;
export const videoLayerSchema = z.enum(VIDEO_LAYERS);
export type VideoLayer = z.infer<typeof videoLayerSchema>;

const layeredCapsSchema = z.strictObject({ full: videoCapsSchema, low: videoCapsSchema });

/** The caps of every kind of stream at one quality. */
export const mediaProfileSchema = z.strictObject({
  /** A candidate PC's camera and an examiner's camera. */
  camera: layeredCapsSchema,
  phone: layeredCapsSchema,
  screen: layeredCapsSchema,
  /** Every microphone: sent first, at high network priority. */
  audioKbps: z.number().int().min(8).max(256),
});
export type MediaProfile = z.infer<typeof mediaProfileSchema>;

/**
 * Which quality a call uses: `proctoring` by default (fits a home uplink), `interview` where the
 * exam asks for it (exam rule `mediaQuality`).
 */
export const MEDIA_QUALITIES = ['proctoring', 'interview'] as const;
export const mediaQualitySchema = z.enum(MEDIA_QUALITIES);
export type MediaQuality = z.infer<typeof mediaQualitySchema>;

/** The media budget (docs/performance.md "Media budget"); the server may override it (MEDIA_BUDGET). */
export const mediaBudgetSchema = z.strictObject({
  proctoring: mediaProfileSchema,
  interview: mediaProfileSchema,
});
export type MediaBudget = z.infer<typeof mediaBudgetSchema>;

/** Silent watchers get the same small picture at either quality. */
const LOW_CAMERA: VideoCaps = { maxKbps: 100, maxHeight: 180, maxFps: 8 };
const LOW_SCREEN: VideoCaps = { maxKbps: 80, maxHeight: 540, maxFps: 2 };

/**
 * Proctoring quality keeps the candidate's uplink to one viewer (camera + microphone + screen,
 * RTP headers included) under 0.5 Mbit/s: 280 + 130 + 24 kbit/s of media leave room for the
 * headers (about 8 % of video, half of Opus at 50 packets a second).
 */
export const DEFAULT_MEDIA_BUDGET: MediaBudget = {
  proctoring: {
    camera: { full: { maxKbps: 280, maxHeight: 360, maxFps: 15 }, low: LOW_CAMERA },
    phone: { full: { maxKbps: 280, maxHeight: 360, maxFps: 15 }, low: LOW_CAMERA },
    screen: { full: { maxKbps: 130, maxHeight: 1080, maxFps: 5 }, low: LOW_SCREEN },
    audioKbps: 24,
  },
  interview: {
    camera: { full: { maxKbps: 900, maxHeight: 720, maxFps: 25 }, low: LOW_CAMERA },
    phone: { full: { maxKbps: 500, maxHeight: 480, maxFps: 15 }, low: LOW_CAMERA },
    screen: { full: { maxKbps: 400, maxHeight: 1080, maxFps: 5 }, low: LOW_SCREEN },
    audioKbps: 40,
  },
};

export const getMediaBudget = defineRoute({
  method: 'GET',
  path: '/api/media/budget',
  summary:
    'The caps each WebRTC sender applies, per quality and viewer layer (MEDIA_BUDGET, or the defaults); any logged-in user or the paired phone',
  tags: ['media'],
  access: 'public',
  policy: { foreign: 'none', except: { anonymous: 'UNAUTHENTICATED' } },
  response: mediaBudgetSchema,
});
