import { z } from 'zod';
import { examEndReasonSchema, faceVerdictSchema } from '../enums.js';
import { defineRoute, type RoutePolicy } from './contract.js';
import { idSchema, isoDateTimeSchema } from './common.js';
import { faceCheckResultSchema, snapshotBase64Schema } from './check-in.js';
import { registrationParamsSchema } from './tickets.js';

/**
 * The phone page's address; the pairing token travels in the fragment (`/phone#<token>`) so it
 * never reaches a server log or a Referer header.
 */
export const PHONE_PAGE_PATH = '/phone';
/** The cookie a paired phone holds (its device secret); httpOnly, set by claimPhonePairing. */
export const PHONE_COOKIE = 'invigil_phone';
/** How long a QR pairing token may wait to be scanned. */
export const PAIRING_TOKEN_TTL_SECONDS = 300;

/** The phone page's routes are public (a phone has no login) but answer a paired phone only. */
export const PAIRED_PHONE_ONLY = {
  anonymous: 'PHONE_NOT_PAIRED',
  candidate: 'PHONE_NOT_PAIRED',
  examiner: 'PHONE_NOT_PAIRED',
  proctor: 'PHONE_NOT_PAIRED',
  college_admin: 'PHONE_NOT_PAIRED',
  school_admin: 'PHONE_NOT_PAIRED',
  platform_admin: 'PHONE_NOT_PAIRED',
} as const satisfies RoutePolicy['except'];

export const pairingTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32,128}$/, 'INVALID_PAIRING_TOKEN');

export const createPhonePairing = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/check-in/phone/pairing',
  summary:
    '双机位: a short-lived, single-use pairing token for the QR code; a phone that claims it replaces the paired one',
  tags: ['phone'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  response: z.object({ token: pairingTokenSchema, expiresAt: isoDateTimeSchema }),
});

/** What the phone page shows: whose camera this is, and where the phone stands. */
export const phoneSessionSchema = z.object({
  pairingId: idSchema,
  registrationId: idSchema,
  candidateName: z.string(),
  examName: z.string(),
  sessionName: z.string(),
  admissionNumber: z.string(),
  /** The phone takes a verification photo first (docs/journeys.md J3: 拍照验证). */
  faceCheckRequired: z.boolean(),
  faceVerdict: faceVerdictSchema.nullable(),
  faceAttempts: z.number().int(),
  attemptsAllowed: z.number().int(),
  /** Photos left (还可重拍 N 次). */
  attemptsLeft: z.number().int(),
  /** 重新拍照 can succeed now (photos left, a reference photo to compare with). */
  canRetry: z.boolean(),
  /**
   * 下一步 after a failed photo (flagged for review): at once without a reference photo, else
   * once the photos are used up. The server's rule, as on the PC; the page only shows it.
   */
  canContinue: z.boolean(),
  /** 进入考试监控 pressed: the phone publishes its camera. */
  startedAt: isoDateTimeSchema.nullable(),
  /** The exam is over for the candidate (考试已结束), and why: the phone stops; null before. */
  examEnd: examEndReasonSchema.nullable(),
});
export type PhoneSession = z.infer<typeof phoneSessionSchema>;

export const claimPhonePairing = defineRoute({
  method: 'POST',
  path: '/api/phone/claim',
  summary:
    'The phone claims a scanned pairing token (single use) and receives its device cookie; older phones of the registration are revoked',
  tags: ['phone'],
  access: 'public',
  policy: { foreign: 'none' },
  body: z.strictObject({ token: pairingTokenSchema }),
  response: phoneSessionSchema,
});

export const getPhoneSession = defineRoute({
  method: 'GET',
  path: '/api/phone/session',
  summary: "The paired phone's session (by its device cookie), so a reload resumes",
  tags: ['phone'],
  access: 'public',
  policy: { foreign: 'none', except: PAIRED_PHONE_ONLY },
  response: phoneSessionSchema,
});

export const submitPhoneFaceCheck = defineRoute({
  method: 'POST',
  path: '/api/phone/face',
  summary:
    '拍照验证 on the phone: compared like the check-in face check; failures may continue, flagged',
  tags: ['phone'],
  access: 'public',
  policy: { foreign: 'none', except: PAIRED_PHONE_ONLY },
  // A plain photo: the phone runs no liveness challenge (the PC's face check does).
  body: z.strictObject({ image: snapshotBase64Schema }),
  response: z.object({ result: faceCheckResultSchema, session: phoneSessionSchema }),
});

export const startPhoneCamera = defineRoute({
  method: 'POST',
  path: '/api/phone/start',
  summary: '进入考试监控: the candidate confirmed on the phone; it starts publishing',
  tags: ['phone'],
  access: 'public',
  policy: { foreign: 'none', except: PAIRED_PHONE_ONLY },
  response: phoneSessionSchema,
});
