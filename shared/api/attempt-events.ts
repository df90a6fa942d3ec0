import { z } from 'zod';
import { defineRoute } from './contract.js';
import { idSchema, isoDateTimeSchema } from './common.js';
import { registrationParamsSchema } from './tickets.js';

// The attempt's event log (issue 14 §3, the start of issue 15 §1): what the candidate's page saw
// happen, queued in the browser like an autosave and sent in batches. The server keeps its own
// receive time; the page's time is kept for information and never decides anything.

/**
 * What the page reports. Issue 15 adds its browser and AI signals here; a new member needs no
 * migration (the column is text, checked by this enum on the way in).
 */
export const ATTEMPT_EVENT_TYPES = [
  /** The candidate shared the whole screen (getDisplayMedia, displaySurface `monitor`). */
  'screen_share_started',
  /** The shared screen's track ended: the browser's stop-sharing bar, or the screen went away. */
  'screen_share_stopped',
  /** The candidate pressed 共享屏幕 (the first step, or the notice after the share stopped). */
  'screen_share_requested',
  /** The page went out of sight (another tab or window, minimised): visibilitychange. */
  'page_hidden',
  /** The page is in sight again. */
  'page_visible',
  /** The page lost the keyboard focus while still in sight (another window on top): blur. */
  'window_blurred',
  /** The page has the focus again. */
  'window_focused',
  /** The candidate confirmed the notice shown on coming back (seed 003: 弹窗 + 后台记录). */
  'leave_notice_confirmed',
  /** The page left fullscreen (Esc, another window) after the candidate had entered it. */
  'fullscreen_exited',
  /** The page entered fullscreen (全屏作答). */
  'fullscreen_entered',
  /** Copy, cut or paste in the paper; detail `blocked` says whether the exam stopped it. */
  'clipboard_copy',
  'clipboard_cut',
  'clipboard_paste',
  /** The right-click (context) menu; detail `blocked` as above. */
  'context_menu',
  /** The computer has more than one screen (screen.isExtended), at the start or on a change. */
  'screen_extended',
  /** Back to a single screen. */
  'screen_single',
  /** Another tab or window of this browser opened the same attempt (BroadcastChannel). */
  'second_tab',
  /** The browser went offline (the event is sent once it is back). */
  'network_offline',
  /** The browser is online again. */
  'network_online',
  /**
   * The monitor in the candidate's browser (the face worker, web/vision/proctor-conditions.ts):
   * a condition held for the exam's aiFlagSeconds (detail `heldSeconds`). Review suggested,
   * never proof.
   */
  'ai_no_face',
  'ai_multiple_faces',
  'ai_looking_away',
  /** The condition is gone again (detail `condition`: no_face…, `seconds` it lasted). */
  'ai_condition_ended',
  /** The monitor could not run on this computer (detail `reason`): staff know it was off. */
  'ai_monitor_unavailable',
] as const;
export const attemptEventTypeSchema = z.enum(ATTEMPT_EVENT_TYPES);

/**
 * Events that are the candidate's own action and count as activity for the inactivity submit,
 * like an answer saved: sharing the screen, pressing 共享屏幕 on its notice, and confirming the
 * notice shown on coming back to the page.
 */
export const ACTIVITY_EVENT_TYPES: ReadonlySet<AttemptEventType> = new Set([
  'screen_share_requested',
  'screen_share_started',
  'leave_notice_confirmed',
]);
export type AttemptEventType = z.infer<typeof attemptEventTypeSchema>;

/**
 * The events that are signals for the proctor (issue 15 §1): each counts in the proctor's
 * progress list and stands out on the timeline. Their ends (page_visible, window_focused,
 * screen_single, network_online…) and the candidate's own confirmations are not signals.
 */
export const SIGNAL_EVENT_TYPES = [
  'page_hidden',
  'window_blurred',
  'fullscreen_exited',
  'clipboard_copy',
  'clipboard_cut',
  'clipboard_paste',
  'context_menu',
  'screen_extended',
  'second_tab',
  'network_offline',
  'screen_share_stopped',
  'ai_no_face',
  'ai_multiple_faces',
  'ai_looking_away',
  'ai_monitor_unavailable',
] as const satisfies readonly AttemptEventType[];
export type SignalEventType = (typeof SIGNAL_EVENT_TYPES)[number];

/** Events in one request at most: the page sends what waits in batches of this size. */
export const MAX_EVENTS_PER_REQUEST = 50;
/** Events one attempt may store (ATTEMPT_EVENTS_LIMIT after): one page cannot flood the table. */
export const MAX_EVENTS_PER_ATTEMPT = 2_000;

/** A few named facts about an event (e.g. the shared surface), never a payload. */
export const attemptEventDetailSchema = z
  .record(
    z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/),
    z.union([z.string().max(200), z.number(), z.boolean()]),
  )
  .refine((detail) => Object.keys(detail).length <= 8, 'at most 8 facts');
export type AttemptEventDetail = z.infer<typeof attemptEventDetailSchema>;

export const attemptEventInputSchema = z.strictObject({
  /** Made by the page (crypto.randomUUID): a replayed event is stored once. */
  id: idSchema,
  type: attemptEventTypeSchema,
  /** When it happened by the page's clock: information only. */
  at: isoDateTimeSchema,
  detail: attemptEventDetailSchema.optional(),
});
export type AttemptEventInput = z.infer<typeof attemptEventInputSchema>;

export const recordMyAttemptEvents = defineRoute({
  method: 'POST',
  path: '/api/me/registrations/:registrationId/attempt/events',
  summary:
    "The page's events of the formal attempt (screen share, page hidden), in a batch; each id stored once. Taken while in progress and a short grace after (ATTEMPT_CLOSED), up to a cap per attempt (ATTEMPT_EVENTS_LIMIT)",
  tags: ['written-exam'],
  access: ['candidate'],
  policy: { foreign: 'NOT_FOUND' },
  params: registrationParamsSchema,
  body: z.strictObject({
    events: z.array(attemptEventInputSchema).min(1).max(MAX_EVENTS_PER_REQUEST),
  }),
  /** `stored`: new ones; `duplicates`: ones the server had already (a replay). */
  response: z.object({ stored: z.number().int(), duplicates: z.number().int() }),
});
