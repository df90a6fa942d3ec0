import { z } from 'zod';
import { examEndReasonSchema, phoneStateSchema } from './enums.js';
import { idSchema, isoDateTimeSchema } from './api/common.js';
import { candidateTicketSchema, ticketSchema } from './api/interviews.js';
import { videoLayerSchema, type VideoLayer } from './api/media.js';
import { refuseUnstorableText } from './api/storable-text.js';

/**
 * The schema of a payload a client sends: like `defineRoute` for HTTP, it refuses text the
 * database cannot store (U+0000, lone surrogates), answered `TEXT_NOT_STORABLE`.
 */
export function defineCommand<S extends z.ZodType>(schema: S): S {
  return refuseUnstorableText(schema);
}

/**
 * Every Socket.IO event and its payload (docs/design.md "Realtime"). Facts are `domain:past-tense`,
 * commands `domain:verb`. The server validates every incoming payload with these schemas.
 *
 * Who connects: a logged-in user (session cookie) or a paired phone (phone cookie). On connect a
 * candidate joins the rooms of their registrations, a phone the room of its registration; staff
 * join a session with `session:watch`. Right after (re)connecting the server sends the current
 * state (`phone:status` for each watched registration), so no client depends on a missed event.
 */

/** Where the Socket.IO endpoint listens (same origin as the pages). */
export const SOCKET_PATH = '/socket.io';

/**
 * What a client says about itself at the handshake (`io({ path: SOCKET_PATH, auth })`). The phone
 * page connects with `{ client: 'phone' }`, so a browser holding both a login cookie and a phone
 * cookie is taken for the phone; without it the login session counts first, then the phone cookie.
 * Refused handshakes end in `connect_error` whose message is an error code: UNAUTHENTICATED,
 * PHONE_NOT_PAIRED or FORBIDDEN (a foreign Origin).
 */
export const socketAuthSchema = z.object({ client: z.enum(['user', 'phone']).optional() });
export type SocketAuth = z.infer<typeof socketAuthSchema>;

/**
 * Which stream a publisher offers: a candidate's PC camera (with its microphone), phone camera or
 * shared screen, or an examiner's camera and microphone (`staff`) in a session.
 */
export const MEDIA_SOURCES = ['camera', 'phone', 'screen', 'staff'] as const;
export const mediaSourceSchema = z.enum(MEDIA_SOURCES);
export type MediaSource = z.infer<typeof mediaSourceSchema>;

/** The streams of a registration (its candidate's devices). */
export const CANDIDATE_MEDIA_SOURCES = ['camera', 'phone', 'screen'] as const;
export type CandidateMediaSource = (typeof CANDIDATE_MEDIA_SOURCES)[number];

const socketIdSchema = z.string().min(1).max(64);
/** A subscriber's id for one peer connection (chosen by the subscriber, unique per socket). */
const peerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const sessionDescriptionSchema = z.strictObject({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(100_000),
});
export const iceCandidateSchema = z.strictObject({
  candidate: z.string().max(2_000),
  sdpMid: z.string().max(64).nullable(),
  sdpMLineIndex: z.number().int().min(0).max(1000).nullable(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

/** Which kinds of a publication its publisher has muted (silence / black frames are sent). */
export const remoteMuteSchema = z.strictObject({ audio: z.boolean(), video: z.boolean() });
export type RemoteMute = z.infer<typeof remoteMuteSchema>;

/** A WebRTC signaling message between two sockets, relayed by the server. */
export const rtcSignalSchema = defineCommand(
  z.strictObject({
    peerId: peerIdSchema,
    /** The other socket (from the receiver's view: the sender; the server rewrites it). */
    peer: socketIdSchema,
    description: sessionDescriptionSchema.optional(),
    candidate: iceCandidateSchema.nullable().optional(),
    /** From the publisher: its mute state, after the offer and on every change (静音 shown). */
    mute: remoteMuteSchema.optional(),
  }),
);
export type RtcSignal = z.infer<typeof rtcSignalSchema>;

export const phoneStatusSchema = z.object({
  registrationId: idSchema,
  state: phoneStateSchema,
  pairedAt: isoDateTimeSchema.nullable(),
  lastSeenAt: isoDateTimeSchema.nullable(),
  /** The socket of the live phone (to subscribe to its camera), null when none is connected. */
  publisherSocketId: socketIdSchema.nullable(),
});
export type PhoneStatus = z.infer<typeof phoneStatusSchema>;

/** One stream of a registration: its PC camera, phone camera or shared screen. */
const candidateStreamShape = {
  registrationId: idSchema,
  source: z.enum(CANDIDATE_MEDIA_SOURCES),
};
/** An examiner's camera and microphone in a session (the 1:1 call, the panel). */
const staffStreamShape = {
  sessionId: idSchema,
  staffId: idSchema,
  source: z.literal('staff'),
};

/** Which stream: a registration's device, or an examiner of a session. */
export const mediaStreamRefSchema = z.union([
  z.strictObject(candidateStreamShape),
  z.strictObject(staffStreamShape),
]);
export type MediaStreamRef = z.infer<typeof mediaStreamRefSchema>;

/** Which layer the watcher wants (shared/api/media.ts VIDEO_LAYERS); `full` when absent. */
const watchShape = { peerId: peerIdSchema, layer: videoLayerSchema.optional() };

export const watchMediaSchema = defineCommand(
  z.union([
    z.strictObject({ ...candidateStreamShape, ...watchShape }),
    z.strictObject({ ...staffStreamShape, ...watchShape }),
  ]),
);
export type WatchMedia = z.infer<typeof watchMediaSchema>;

/** What a publisher hears when someone watches one of its streams. */
export interface WatchRequested {
  peerId: string;
  /** The subscriber's socket. */
  peer: string;
  source: MediaSource;
  layer: VideoLayer;
}

/** The sources a candidate's PC publishes itself; `phone` belongs to the paired phone. */
export const PC_MEDIA_SOURCES = ['camera', 'screen'] as const;

/**
 * A publisher announces (or withdraws) a stream: a candidate's PC its camera or screen for a
 * registration, an examiner their camera in a session (the server adds who they are).
 */
export const mediaPublishSchema = defineCommand(
  z.union([
    z.strictObject({ registrationId: idSchema, source: z.enum(PC_MEDIA_SOURCES) }),
    z.strictObject({ sessionId: idSchema, source: z.literal('staff') }),
  ]),
);
export type MediaPublish = z.infer<typeof mediaPublishSchema>;

/** Whether two stream references name the same stream. */
export function sameStream(a: MediaStreamRef, b: MediaStreamRef): boolean {
  if (a.source === 'staff' || b.source === 'staff') {
    return (
      a.source === 'staff' &&
      b.source === 'staff' &&
      a.sessionId === b.sessionId &&
      a.staffId === b.staffId
    );
  }
  return a.registrationId === b.registrationId && a.source === b.source;
}

/** A registration's waiting-room ticket as its candidate sees it (full state, not a diff). */
export const ticketChangedSchema = z.object({
  registrationId: idSchema,
  ticket: candidateTicketSchema,
});
export type TicketChanged = z.infer<typeof ticketChangedSchema>;

/** One ticket of a session's waiting room as staff see it (full ticket; check-in via HTTP). */
export const queueChangedSchema = z.object({
  sessionId: idSchema,
  ticket: ticketSchema,
});
export type QueueChanged = z.infer<typeof queueChangedSchema>;

/** A candidate's PC came online (first socket) or went offline (last socket gone). */
export const candidatePresenceSchema = z.object({
  sessionId: idSchema,
  registrationId: idSchema,
  online: z.boolean(),
});
export type CandidatePresenceChanged = z.infer<typeof candidatePresenceSchema>;

/** The registrations of a session whose candidate PC is online now (sent on `session:watch`). */
export const sessionPresenceSchema = z.object({
  sessionId: idSchema,
  online: z.array(idSchema),
});
export type SessionPresence = z.infer<typeof sessionPresenceSchema>;

/** The exam is over for the phone's candidate (考试已结束): the phone stops its camera. */
export const monitoringEndedSchema = z.object({
  registrationId: idSchema,
  reason: examEndReasonSchema,
});
export type MonitoringEnded = z.infer<typeof monitoringEndedSchema>;

/** Answer to a command: ok, or an error code from shared/errors.ts. */
export type Ack = { ok: true } | { ok: false; code: string };

export interface ServerToClientEvents {
  /** The phone camera of a registration changed state (paired, live, lost, replaced). */
  'phone:status': (status: PhoneStatus) => void;
  /** A registration's check-in changed (a step passed, a new face check): refetch it. */
  'checkin:changed': (payload: { registrationId: string; sessionId: string }) => void;
  /** Sent to a phone replaced by a newer pairing, just before it is disconnected. */
  'phone:replaced': () => void;
  /**
   * To the phone: the exam is over for its candidate (the interview ended, the session's time is
   * up); it stops its camera and its heartbeat. Also sent on connect, after its `phone:status`.
   */
  'monitoring:ended': (payload: MonitoringEnded) => void;
  /**
   * To a publisher: a subscriber wants `source`; create a peer connection and send an offer,
   * with the caps of `layer` (the person in the call gets `full`, silent watchers `low`).
   */
  'media:watch-requested': (payload: WatchRequested) => void;
  /** The other end of a peer connection went away (unwatched or disconnected). */
  'media:peer-closed': (payload: { peerId: string; peer: string }) => void;
  'rtc:signal': (signal: RtcSignal) => void;
  /**
   * A stream now has a publisher (a camera came on, an examiner opened the call): subscribers
   * waiting for it ask at once instead of at their next retry. Sent to the session's staff and
   * candidates; it gives no access by itself (`media:watch` checks).
   */
  'media:available': (stream: MediaStreamRef) => void;
  /**
   * The candidate's waiting-room ticket changed (called, back to waiting with a reason, invited,
   * in the room, done) or the waiting-room examiner's presence changed for them. Also sent on
   * (re)connect, first, for each registration that has a ticket. Keep the highest `version`.
   */
  'ticket:changed': (payload: TicketChanged) => void;
  /** Staff watching a session: one ticket of its waiting room changed (also sent on watch). */
  'queue:changed': (payload: QueueChanged) => void;
  /** Staff watching a session, on watch: whose candidate PC is online (the rest is offline). */
  'session:presence': (payload: SessionPresence) => void;
  /** Staff watching a session: a candidate's PC came online or went offline. */
  'candidate:presence': (payload: CandidatePresenceChanged) => void;
  /**
   * To the candidate's sockets: their written attempt changed under them (its deadline moved:
   * time given back after an outage, extra time; or a proctor's 强制交卷): the answering page
   * reads the attempt again. Nothing else rides on it.
   */
  'attempt:changed': (payload: { registrationId: string }) => void;
}

export interface ClientToServerEvents {
  /** The phone page, every PHONE_HEARTBEAT_MS. */
  'phone:heartbeat': (ack?: (ack: Ack) => void) => void;
  /** Staff: follow a session's check-ins (phone status, check-in changes). */
  'session:watch': (payload: { sessionId: string }, ack: (ack: Ack) => void) => void;
  /** Ask the publisher of a registration's `source` for a peer connection. */
  'media:watch': (payload: WatchMedia, ack: (ack: Ack) => void) => void;
  'media:unwatch': (payload: { peerId: string; peer: string }) => void;
  /**
   * A candidate's PC: "I publish `source` of my registration"; an examiner: "I publish my camera
   * in this session" (their own sessions only). The latest announcing socket is the publisher
   * that `media:watch` reaches; watchers of the previous publisher get `media:peer-closed`.
   */
  'media:publish': (payload: MediaPublish, ack: (ack: Ack) => void) => void;
  /** A publisher stops publishing (e.g. screen sharing ended); its links close. */
  'media:unpublish': (payload: MediaPublish) => void;
  'rtc:signal': (signal: RtcSignal) => void;
}

export const sessionWatchSchema = defineCommand(z.strictObject({ sessionId: idSchema }));
export const mediaUnwatchSchema = defineCommand(
  z.strictObject({ peerId: peerIdSchema, peer: socketIdSchema }),
);
