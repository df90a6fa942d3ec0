import { z } from 'zod';
import { attemptEventTypeSchema, type AttemptEventType } from './attempt-events.js';
import { defineDownload, defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema } from './common.js';
import { attemptStateSchema, submitReasonSchema } from './written-exam.js';

// The evidence timeline (issue 15 §3, first step): one time axis, by the server's clock, of
// everything stored about one candidate's formal written attempt, for the session's proctors and
// the exam's admins. Each view and each report download is audited. Nothing here is derived
// from the page's clock: `clientAt` of an event is shown as information only.

/**
 * What an entry is:
 * - `attempt_started`: the attempt row's start;
 * - `event`: one of the page's reports (attempt_event, `eventType` says which);
 * - `warning_sent` / `warning_confirmed`: a proctor's reminder (发送提醒) and the candidate's 我已知晓;
 * - `outage_started` / `outage_ended`: a time the server saw none of the PC's connections;
 * - `time_added`: an admin's extra time (read from the audit log, where it is kept);
 * - `face_check`: a face check taken before 交卷;
 * - `submitted`: the attempt was handed in, with its reason (forced: who, from the audit log).
 */
export const TIMELINE_ENTRY_KINDS = [
  'attempt_started',
  'event',
  'warning_sent',
  'warning_confirmed',
  'outage_started',
  'outage_ended',
  'time_added',
  'face_check',
  'submitted',
] as const;
export const timelineEntryKindSchema = z.enum(TIMELINE_ENTRY_KINDS);
export type TimelineEntryKind = z.infer<typeof timelineEntryKindSchema>;

/**
 * The facts of an entry, by kind: an event's own detail (e.g. `blocked`, `surface`); `text` of
 * a reminder; `lostSeconds`, `compensationMinutes`, `outcome` of an ended outage; `minutes` of
 * time added; `verdict` (and `score`) of a face check; `reason` (a SubmitReason) and, when forced,
 * `forcedReason` of a submit.
 */
export const timelineDetailSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean()]),
);
export type TimelineDetail = z.infer<typeof timelineDetailSchema>;

export const timelineEntrySchema = z.object({
  /** The server's time of it: arrival for an event, the row's own time for the rest. */
  at: isoDateTimeSchema,
  kind: timelineEntryKindSchema,
  eventType: attemptEventTypeSchema.optional(),
  /** An event's own id: what its evidence snapshot is fetched by (attempt-evidence.ts). */
  eventId: idSchema.optional(),
  /** An event's: whether the AI monitor's snapshot of it arrived (eventSnapshot serves it). */
  hasSnapshot: z.boolean().optional(),
  /** The page's own clock for an event: information only, never the order. */
  clientAt: isoDateTimeSchema.optional(),
  /** One of SIGNAL_EVENT_TYPES (attempt-events.ts): what the proctor should look at. */
  isSignal: z.boolean(),
  detail: timelineDetailSchema,
  /** Who did it when it was a person: the proctor, the admin, the candidate; null otherwise. */
  actorName: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const attemptTimelineSchema = z.object({
  registrationId: idSchema,
  candidate: z.object({ name: z.string(), admissionNumber: z.string() }),
  examName: z.string(),
  sessionName: z.string(),
  /** Null until the candidate starts (or for an exam without a written attempt). */
  attempt: z
    .object({
      state: attemptStateSchema,
      startedAt: isoDateTimeSchema,
      deadline: isoDateTimeSchema,
      submittedAt: isoDateTimeSchema.nullable(),
      submitReason: submitReasonSchema.nullable(),
      extraMinutes: z.number().int(),
      compensationMinutes: z.number().int(),
    })
    .nullable(),
  /** By server time, oldest first; at equal times in the order they were stored. */
  entries: z.array(timelineEntrySchema),
  generatedAt: isoDateTimeSchema,
});
export type AttemptTimeline = z.infer<typeof attemptTimelineSchema>;

const STAFF = ['proctor', 'college_admin', 'school_admin'] as const;
const registrationParams = z.strictObject({ registrationId: idSchema });

export const getAttemptTimeline = defineRoute({
  method: 'GET',
  path: '/api/registrations/:registrationId/attempt/timeline',
  summary:
    "One candidate's written attempt on one time axis (events, reminders, outages, extra time, face checks, submit), for the session's proctors and the exam's admins; audited",
  tags: ['proctoring'],
  access: STAFF,
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParams,
  response: attemptTimelineSchema,
});

export const ATTEMPT_TIMELINE_REPORT_PATH =
  '/api/registrations/:registrationId/attempt/timeline/report';

/**
 * The same timeline as a standalone HTML page (an attachment named after the admission number),
 * to keep or print to PDF from the browser; not JSON, so registered by hand like every download.
 */
export const attemptTimelineReport = defineDownload({
  method: 'GET',
  path: ATTEMPT_TIMELINE_REPORT_PATH,
  access: STAFF,
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParams,
});

/** The filters of the timeline: which entries a proctor looks at together. */
export const TIMELINE_GROUPS = [
  'focus',
  'clipboard',
  'screen',
  'network',
  'ai',
  'warning',
  'submit',
] as const;
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number];

const EVENT_GROUPS: Record<AttemptEventType, TimelineGroup> = {
  page_hidden: 'focus',
  page_visible: 'focus',
  window_blurred: 'focus',
  window_focused: 'focus',
  leave_notice_confirmed: 'focus',
  fullscreen_exited: 'focus',
  fullscreen_entered: 'focus',
  second_tab: 'focus',
  clipboard_copy: 'clipboard',
  clipboard_cut: 'clipboard',
  clipboard_paste: 'clipboard',
  context_menu: 'clipboard',
  screen_share_started: 'screen',
  screen_share_stopped: 'screen',
  screen_share_requested: 'screen',
  screen_extended: 'screen',
  screen_single: 'screen',
  network_offline: 'network',
  network_online: 'network',
  ai_no_face: 'ai',
  ai_multiple_faces: 'ai',
  ai_looking_away: 'ai',
  ai_condition_ended: 'ai',
  ai_monitor_unavailable: 'ai',
};

/** The filter group an entry belongs to. */
export function timelineGroupOf(entry: Pick<TimelineEntry, 'kind' | 'eventType'>): TimelineGroup {
  switch (entry.kind) {
    case 'event':
      return entry.eventType ? EVENT_GROUPS[entry.eventType] : 'focus';
    case 'outage_started':
    case 'outage_ended':
      return 'network';
    case 'warning_sent':
    case 'warning_confirmed':
      return 'warning';
    case 'attempt_started':
    case 'time_added':
    case 'face_check':
    case 'submitted':
      return 'submit';
  }
}
