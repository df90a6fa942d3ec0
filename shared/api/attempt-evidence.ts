import { z } from 'zod';
import type { AttemptEventType } from './attempt-events.js';
import { defineDownload, defineRoute } from './contract.js';
import { idSchema, uploadQuerySchema } from './common.js';

// Evidence snapshots (issue 15 §1: "each flag carries one JPEG evidence snapshot"): the AI
// monitor in the candidate's browser takes one frame of the PC camera when a condition becomes
// a flag, and uploads it for that event once the event is stored (queued in the browser like the
// events, never lost to a reload). Staff see it on the timeline; every view is audited.

/** The events that carry a snapshot: the AI monitor's flags. */
export const EVIDENCE_EVENT_TYPES = [
  'ai_no_face',
  'ai_multiple_faces',
  'ai_looking_away',
] as const satisfies readonly AttemptEventType[];

/** A 640×360 JPEG at quality 0.7 is 20–60 kB; this leaves room for a larger camera frame. */
export const EVIDENCE_SNAPSHOT_MAX_BYTES = 400 * 1024;

export const eventSnapshotParamsSchema = z.strictObject({
  registrationId: idSchema,
  eventId: idSchema,
});

/**
 * Errors: EVENT_NOT_FOUND (not stored yet: the page sends it again after its event),
 * EVIDENCE_NOT_TAKEN (the event is no AI flag), FILE_TOO_LARGE, FILE_TYPE_NOT_ALLOWED (not a
 * JPEG by its content), ATTEMPT_CLOSED (after the grace that events also get).
 */
export const uploadMyEventSnapshot = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/attempt/events/:eventId/snapshot',
  summary:
    "The AI monitor's JPEG for one of its flags of the candidate's own attempt (raw body); once per event, a replay answers stored: false",
  tags: ['written-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  upload: true,
  params: eventSnapshotParamsSchema,
  query: uploadQuerySchema,
  response: z.object({ stored: z.boolean() }),
});

/** The snapshot as staff see it (image/jpeg); each view is audited. */
export const eventSnapshot = defineDownload({
  method: 'GET',
  path: '/api/registrations/:registrationId/attempt/events/:eventId/snapshot',
  access: ['proctor', 'college_admin', 'school_admin'],
  policy: { foreign: 'NOT_FOUND' },
  params: eventSnapshotParamsSchema,
});
