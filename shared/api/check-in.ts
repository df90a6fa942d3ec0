import { z } from 'zod';
import {
  checkInStepSchema,
  examKindSchema,
  faceCheckSourceSchema,
  faceVerdictSchema,
  phoneStateSchema,
  sessionStatusSchema,
  stepStateSchema,
} from '../enums.js';
import { defineDownload, defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema } from './common.js';
import { mediaQualitySchema } from './media.js';
import { registrationParamsSchema } from './tickets.js';

/** Why a camera or microphone could not be opened; each has its own instruction in the UI. */
export const MEDIA_ERRORS = [
  'permission_denied',
  'not_found',
  'in_use',
  'insecure_context',
  'unsupported',
  'unknown',
] as const;
export const mediaErrorSchema = z.enum(MEDIA_ERRORS);
export type MediaError = z.infer<typeof mediaErrorSchema>;

const deviceLabelSchema = z.string().max(200).nullable();

/** 检测报告: what the browser measured in the device check. Stored as sent, shown to staff. */
export const deviceReportSchema = z.strictObject({
  camera: z.strictObject({
    ok: z.boolean(),
    label: deviceLabelSchema,
    width: z.number().int().min(0).max(10_000).nullable(),
    height: z.number().int().min(0).max(10_000).nullable(),
    frameRate: z.number().min(0).max(1000).nullable(),
    error: mediaErrorSchema.nullable(),
  }),
  microphone: z.strictObject({
    ok: z.boolean(),
    label: deviceLabelSchema,
    /** Loudest level heard during the check, 0..1. */
    peakLevel: z.number().min(0).max(1).nullable(),
    error: mediaErrorSchema.nullable(),
  }),
  /** 能听到 / 听不到 after the test sound; null when not answered. */
  speaker: z.strictObject({ heard: z.boolean().nullable() }),
  network: z.strictObject({
    ok: z.boolean(),
    latencyMs: z.number().min(0).max(600_000).nullable(),
    uplinkKbps: z.number().min(0).max(100_000_000).nullable(),
  }),
  browser: z.strictObject({
    ok: z.boolean(),
    userAgent: z.string().max(500),
    name: z.string().max(100),
    version: z.string().max(50),
    screenWidth: z.number().int().min(0).max(100_000),
    screenHeight: z.number().int().min(0).max(100_000),
    webrtc: z.boolean(),
    /** Missing features the exam needs (e.g. getDisplayMedia), by name. */
    missing: z.array(z.string().max(50)).max(20),
  }),
});
export type DeviceReport = z.infer<typeof deviceReportSchema>;

/** Face quality facts the server measured on a snapshot. */
export const faceQualitySchema = z.object({
  faces: z.number().int(),
  /** Size of the largest face box in pixels (shorter side), null without a face. */
  faceSizePx: z.number().nullable(),
  yawDegrees: z.number().nullable(),
  pitchDegrees: z.number().nullable(),
});
export type FaceQuality = z.infer<typeof faceQualitySchema>;

export const LIVENESS_CHALLENGES = ['turn_left', 'turn_right', 'blink'] as const;
export const livenessChallengeSchema = z.enum(LIVENESS_CHALLENGES);
export type LivenessChallenge = z.infer<typeof livenessChallengeSchema>;

/** The active liveness challenge as the browser judged it (a claim: staff review the snapshot). */
export const faceLivenessSchema = z.strictObject({
  challenges: z.array(livenessChallengeSchema).max(6),
  passed: z.boolean(),
  framesJudged: z.number().int().min(0).max(10_000),
});
export type FaceLiveness = z.infer<typeof faceLivenessSchema>;

/** A JPEG or PNG snapshot as base64 (no data: prefix), at most ~600 KB of image. */
export const snapshotBase64Schema = z
  .string()
  .min(100)
  .max(800_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'NOT_BASE64');

export const faceCheckBodySchema = z.strictObject({
  image: snapshotBase64Schema,
  liveness: faceLivenessSchema,
});
export type FaceCheckBody = z.infer<typeof faceCheckBodySchema>;

/** One face check as the candidate and staff see it. */
export const faceCheckResultSchema = z.object({
  id: idSchema,
  source: faceCheckSourceSchema,
  verdict: faceVerdictSchema,
  score: z.number().nullable(),
  threshold: z.number(),
  quality: faceQualitySchema.nullable(),
  liveness: faceLivenessSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type FaceCheckResult = z.infer<typeof faceCheckResultSchema>;

/** Why 进入考试 / 进入候考区 is not possible yet. */
export const ENTER_BLOCKS = ['not_open', 'ended', 'steps_pending', 'withdrawn'] as const;
export const enterBlockSchema = z.enum(ENTER_BLOCKS);
export type EnterBlock = z.infer<typeof enterBlockSchema>;

/** A registration's check-in as its candidate sees it; the server computes every field. */
export const checkInStateSchema = z.object({
  registrationId: idSchema,
  candidateName: z.string(),
  examName: z.string(),
  examKind: examKindSchema,
  sessionName: z.string(),
  serverTime: isoDateTimeSchema,
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  /** From here the checks may be run (开考前 preEntryMinutes). */
  checkInOpensAt: isoDateTimeSchema,
  status: sessionStatusSchema,
  /** The first step still pending, or null when all are done (ready). */
  currentStep: checkInStepSchema.nullable(),
  steps: z.object({
    device: z.object({
      state: stepStateSchema,
      checkedAt: isoDateTimeSchema.nullable(),
      report: deviceReportSchema.nullable(),
    }),
    face: z.object({
      state: stepStateSchema,
      attempts: z.number().int(),
      /** Attempts before 继续进入 is offered: 1 + the exam's allowed retries. */
      attemptsAllowed: z.number().int(),
      /** Attempts left (还可重试 N 次). */
      attemptsLeft: z.number().int(),
      /** 重试 can succeed now (attempts left, a reference photo to compare with). */
      canRetry: z.boolean(),
      /**
       * 继续进入 (flagged for review) is offered now: no reference photo, the liveness challenge
       * failed twice, or the attempts used up. The server's rule; the page only shows it.
       */
      canContinue: z.boolean(),
      score: z.number().nullable(),
      lastVerdict: faceVerdictSchema.nullable(),
      checkedAt: isoDateTimeSchema.nullable(),
      /** When staff confirmed the identity by hand (人工核验), which passes the step. */
      confirmedAt: isoDateTimeSchema.nullable(),
    }),
    pledge: z.object({ state: stepStateSchema, agreedAt: isoDateTimeSchema.nullable() }),
    phone: z.object({
      state: stepStateSchema,
      connection: phoneStateSchema,
      pairedAt: isoDateTimeSchema.nullable(),
      lastSeenAt: isoDateTimeSchema.nullable(),
      faceVerdict: faceVerdictSchema.nullable(),
    }),
  }),
  pledgeText: z.string(),
  noticeText: z.string(),
  /** The phone may replace a missing PC camera (exam rule). */
  phoneAsPrimaryAllowed: z.boolean(),
  screenShareRequired: z.boolean(),
  /** The video quality of the exam's calls (exam rule `mediaQuality`). */
  mediaQuality: mediaQualitySchema,
  /** Whether 进入考试 is enabled now, and if not, why. */
  canEnter: z.boolean(),
  enterBlock: enterBlockSchema.nullable(),
});
export type CheckInState = z.infer<typeof checkInStateSchema>;

export const getMyCheckIn = defineRoute({
  method: 'GET',
  path: '/api/me/registrations/:registrationId/check-in',
  summary: 'Your check-in for one registration: each step, what is next, whether you may enter',
  tags: ['check-in'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: checkInStateSchema,
});

export const saveMyDeviceReport = defineRoute({
  method: 'PUT',
  path: '/api/me/registrations/:registrationId/check-in/device',
  summary:
    '设备检测: store the device report (检测报告); the step passes when camera and microphone work',
  tags: ['check-in'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  body: deviceReportSchema,
  response: checkInStateSchema,
});

export const submitMyFaceCheck = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/check-in/face',
  summary: '人脸识别: one snapshot after the liveness challenge, compared with the reference photo',
  tags: ['check-in'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  body: faceCheckBodySchema,
  response: z.object({ result: faceCheckResultSchema, state: checkInStateSchema }),
});

export const continueAfterFaceFailure = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/check-in/face/continue',
  summary:
    '继续进入 after the allowed face-check attempts failed: the step becomes flagged (人脸识别认证未通过) for staff review',
  tags: ['check-in'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: checkInStateSchema,
});

export const agreeToPledge = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/check-in/pledge',
  summary: '同意 the 考生诚信承诺书 and 考生须知; stored with the time and the address',
  tags: ['check-in'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  body: z.strictObject({ agree: z.literal(true) }),
  response: checkInStateSchema,
});

export const pingServer = defineRoute({
  method: 'GET',
  path: '/api/check-in/ping',
  summary: 'Network check: a tiny answer to time the round trip',
  tags: ['check-in'],
  access: 'authenticated',
  policy: { foreign: 'none' },
  response: z.object({ serverTime: isoDateTimeSchema }),
});

/** Raw bytes posted by the network check to measure the uplink; the server times the body. */
export const UPLINK_TEST_PATH = '/api/check-in/uplink';
export const UPLINK_TEST_MAX_BYTES = 2 * 1024 * 1024;
export const uplinkResultSchema = z.object({ bytes: z.number().int(), receiveMs: z.number() });
export type UplinkResult = z.infer<typeof uplinkResultSchema>;

/**
 * The uplink check: post up to UPLINK_TEST_MAX_BYTES of raw bytes (application/octet-stream);
 * the server answers how many arrived and how long the body took from the request's start.
 */
export const measureUplink = defineRoute({
  method: 'POST',
  path: UPLINK_TEST_PATH,
  summary: 'Network check: raw bytes whose arrival the server times (uplink speed)',
  tags: ['check-in'],
  access: 'authenticated',
  policy: { foreign: 'none' },
  upload: true,
  response: uplinkResultSchema,
});

export const sessionParamsSchema = z.strictObject({ sessionId: idSchema });

/** One candidate's check-in as staff of the session see it. */
export const staffCheckInRowSchema = z.object({
  registrationId: idSchema,
  candidateName: z.string(),
  admissionNumber: z.string(),
  hasReferencePhoto: z.boolean(),
  currentStep: checkInStepSchema.nullable(),
  steps: checkInStateSchema.shape.steps,
  /** Every face check of this registration, newest first (snapshots by id). */
  faceChecks: z.array(faceCheckResultSchema),
});
export type StaffCheckInRow = z.infer<typeof staffCheckInRowSchema>;

export const listSessionCheckIns = defineRoute({
  method: 'GET',
  path: '/api/sessions/:sessionId/check-ins',
  summary:
    "The session's candidates with each check-in step, face scores and snapshots, device report and phone status",
  tags: ['check-in'],
  access: ['examiner', 'proctor', 'college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: sessionParamsSchema,
  response: z.object({
    serverTime: isoDateTimeSchema,
    sessionName: z.string(),
    examName: z.string(),
    items: z.array(staffCheckInRowSchema),
  }),
});

export const sessionRegistrationParamsSchema = z.strictObject({
  sessionId: idSchema,
  registrationId: idSchema,
});

export const confirmFaceBodySchema = z.strictObject({
  /** The check-in snapshot staff compared with the reference photo. */
  faceCheckId: idSchema,
});

export const confirmCandidateFace = defineRoute({
  method: 'POST',
  path: '/api/sessions/:sessionId/registrations/:registrationId/face/confirm',
  summary:
    '人工核验: staff compared a check-in snapshot with the reference photo and confirm the identity; the face step passes and that snapshot becomes the reference for re-checks',
  tags: ['check-in'],
  access: ['examiner', 'proctor', 'college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: sessionRegistrationParamsSchema,
  body: confirmFaceBodySchema,
  response: staffCheckInRowSchema,
});

/** A face-check snapshot image, for staff of the session (and the candidate it belongs to). */
export const FACE_SNAPSHOT_PATH = '/api/face-checks/:faceCheckId/snapshot';
/** A candidate's reference photo, for staff of the session. */
export const SESSION_REFERENCE_PHOTO_PATH =
  '/api/sessions/:sessionId/registrations/:registrationId/reference-photo';

const CHECK_IN_STAFF = ['examiner', 'proctor', 'college_admin', 'school_admin'] as const;
export const faceSnapshotFile = defineDownload({
  method: 'GET',
  path: FACE_SNAPSHOT_PATH,
  access: ['candidate', ...CHECK_IN_STAFF],
  policy: { foreign: 'NOT_FOUND' },
  params: z.strictObject({ faceCheckId: idSchema }),
});
export const sessionReferencePhotoFile = defineDownload({
  method: 'GET',
  path: SESSION_REFERENCE_PHOTO_PATH,
  access: CHECK_IN_STAFF,
  policy: { foreign: 'NOT_FOUND' },
  params: z.strictObject({ sessionId: idSchema, registrationId: idSchema }),
});
